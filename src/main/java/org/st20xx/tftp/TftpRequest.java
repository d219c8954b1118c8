package org.st20xx.tftp;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request as it arrived, before the server decided anything: who asked, for which name, in
 * which mode, with which options. Delivered to {@link TransferListener#requestReceived} and
 * carried by every {@link Transfer}.
 *
 * @param client   the client's address and port (its transfer ID)
 * @param kind     read or write request
 * @param fileName the name exactly as requested (UTF-8 decoded; invalid bytes become U+FFFD)
 * @param mode     the transfer mode as sent, lower case ({@code octet}, {@code netascii}, ...)
 * @param options  the options as sent, names lower case, in the order they were sent
 * @param received when the request arrived
 */
public record TftpRequest(InetSocketAddress client, Kind kind, String fileName, String mode,
        Map<String, String> options, Instant received) {

    /** The two request opcodes. */
    public enum Kind { READ, WRITE }

    public TftpRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(received, "received");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * The name without its leading {@code /}s: a phone asking for {@code /SEP001A2B3C4D5E.cnf.xml}
     * asks for {@code SEP001A2B3C4D5E.cnf.xml} in the root.
     */
    public String relativeName() {
        int start = 0;
        while (start < fileName.length() && fileName.charAt(start) == '/') {
            start++;
        }
        return fileName.substring(start);
    }
}
