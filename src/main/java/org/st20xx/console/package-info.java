/**
 * Talking to a device console, independent of any phone: {@link org.st20xx.console.ConsoleTransport}
 * (bytes in and out, every read bounded), {@link org.st20xx.console.Transcript} (the dialogue as
 * readable text) and {@link org.st20xx.console.SecretMasker} (no registered secret ever reaches a
 * transcript). The expect logic is in {@code console.expect}, the telnet transport in
 * {@code console.telnet}. See docs/expect.md.
 */
package org.st20xx.console;
