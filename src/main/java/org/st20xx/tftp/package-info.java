/**
 * The embedded read-only TFTP server the phones pull their firmware from.
 *
 * <p>commons-net ships a TFTP client and packet classes but no server in its jar, so this package
 * has its own: {@link org.st20xx.tftp.TftpServer} serves one root directory (the "jail") over
 * RFC 1350 with the option extensions of RFC 2347/2348/2349/7440, on one non-blocking I/O thread.
 * Callers learn who fetched what from {@link org.st20xx.tftp.TransferListener} events, and wait
 * for them with {@link org.st20xx.tftp.TransferLog}. See docs/tftp.md.
 */
package org.st20xx.tftp;
