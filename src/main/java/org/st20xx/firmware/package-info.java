/**
 * The firmware directory: which files it holds, recognised by the matrix's patterns (application,
 * DSP, telephone configuration per model, protocol and version), and what it cannot place.
 */
package org.st20xx.firmware;
