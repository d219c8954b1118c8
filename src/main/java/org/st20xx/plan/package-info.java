/**
 * The planner: a pure, deterministic graph search over (load, DSP) states that finds the safe
 * hops from a phone's current load to a target. No I/O.
 */
package org.st20xx.plan;
