/**
 * The expect layer: {@link org.st20xx.console.expect.ExpectSession} sends lines and secrets to a
 * {@link org.st20xx.console.ConsoleTransport} and waits, always with a deadline, for one of the
 * caller's {@link org.st20xx.console.expect.NamedPattern}s in the normalised output. Prompts,
 * patterns, line endings and timeouts all come from callers; nothing here knows a phone.
 * See docs/expect.md.
 */
package org.st20xx.console.expect;
