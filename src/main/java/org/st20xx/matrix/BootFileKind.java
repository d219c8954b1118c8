package org.st20xx.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a file a phone asks for at boot holds, which says how it is read and written. */
public enum BootFileKind {
    /** One line: the name of the image to run (Cisco OS79XX.TXT). */
    OS79XX,
    /** {@code key: value} lines; {@code image_version} names the image (Cisco SIPDefault.cnf, SIP&lt;MAC&gt;.cnf). */
    SIP_CNF,
    /** XML whose {@code loadInformation} element names the image (Cisco SEP&lt;MAC&gt;.cnf.xml, XMLDefault.cnf.xml). */
    SCCP_XML,
    /** Anything else the phone asks for (ring lists, tones): never written, never read for an image. */
    OTHER;

    /** The word the matrix uses: {@code os79xx}, {@code sip-cnf}, {@code sccp-xml}, {@code other}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean namesImage() {
        return this != OTHER;
    }

    public static Optional<BootFileKind> parse(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }
}
