/**
 * The telnet {@link org.st20xx.console.ConsoleTransport}: the only place that imports commons-net's
 * telnet classes.
 */
package org.st20xx.console.telnet;
