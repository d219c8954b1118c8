/**
 * The simulator ({@code st20xx sim}): a strict digital twin of Thomson ST2030 / ST2022 phones on
 * loopback, for every test and demo of the tool. Telnet console (docs/assumptions.md), web pages,
 * real TFTP pulls, flash state, reboots, faults, and bricking decided from the firmware matrix.
 * Entry points: {@link org.st20xx.sim.SimulatedLab}, {@link org.st20xx.sim.SimConfig},
 * {@link org.st20xx.sim.PhoneState}, {@link org.st20xx.sim.FirmwareFixtures}. See docs/simulator.md.
 */
package org.st20xx.sim;
