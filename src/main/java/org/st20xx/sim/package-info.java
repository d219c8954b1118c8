/**
 * The simulator ({@code st20xx sim}): a strict digital twin of Thomson ST2030 / ST2022 phones
 * (telnet console, web pages, real TFTP pulls, flash state, reboots, faults; docs/assumptions.md)
 * and of Cisco 7940 / 7960 phones (a boot over real TFTP from the matrix's boot data, seed 001's
 * errors), on loopback, for every test and demo of the tool; bricking is decided from the
 * firmware matrix. Entry points: {@link org.st20xx.sim.SimulatedLab}, {@link org.st20xx.sim.SimConfig},
 * {@link org.st20xx.sim.SimulatedPhone}, {@link org.st20xx.sim.PhoneState},
 * {@link org.st20xx.sim.FirmwareFixtures}. See docs/simulator.md.
 */
package org.st20xx.sim;
