/**
 * Converting one phone: connect (enabling telnet through the web page when asked), log in,
 * identify, plan, then run each hop of the plan step by step through the playbook, verifying each
 * step by the console's answer and by what the TFTP server really sent, with a safety gate before
 * every reboot.
 */
package org.st20xx.convert;
