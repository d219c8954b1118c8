/**
 * Cisco 7940/7960 provisioning through TFTP files: the phone's MAC address, strict readers and
 * writers of the files it asks for (OS79XX.TXT, SIPDefault.cnf / SIP&lt;MAC&gt;.cnf,
 * SEP&lt;MAC&gt;.cnf.xml / XMLDefault.cnf.xml), the files of one hop and the order a phone asks
 * for them ({@link org.st20xx.cisco.BootSequence}), writing them into a TFTP root
 * ({@link org.st20xx.cisco.Provisioner}), checking a TFTP root ({@link org.st20xx.cisco.TftpRootLint}),
 * and following a phone through its hops by its TFTP requests ({@link org.st20xx.cisco.BootWatcher}).
 * Which names, files and orders apply is data of the firmware matrix ({@code images}, {@code boot}).
 */
package org.st20xx.cisco;
