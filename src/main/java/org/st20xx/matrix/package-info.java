/**
 * The firmware matrix: firmware-matrix.yaml read and validated into models, loads, DSP
 * compatibility, known releases and forbidden reboots. Pure data; the planner and the simulator
 * both read it, so a new release needs no code change.
 */
package org.st20xx.matrix;
