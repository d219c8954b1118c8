package org.st20xx.tftp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TFTP wire format (RFC 1350, options RFC 2347), read from and written into caller-owned
 * buffers so that the hot path allocates nothing. commons-net's packet classes would allocate a
 * DatagramPacket per packet, so the server uses these; the tests use commons-net as the client.
 */
final class Packets {
    static final int RRQ = 1;
    static final int WRQ = 2;
    static final int DATA = 3;
    static final int ACK = 4;
    static final int ERROR = 5;
    static final int OACK = 6;

    /** Opcode and block number in front of every DATA packet. */
    static final int DATA_HEADER = 4;

    static final int ERR_UNDEFINED = 0;
    static final int ERR_NOT_FOUND = 1;
    static final int ERR_ACCESS = 2;
    static final int ERR_ILLEGAL = 4;
    static final int ERR_OPTION = 8;

    /** Longest error message we send, so that an error packet never exceeds 512 bytes. */
    private static final int MAX_MESSAGE = 500;

    private Packets() {
    }

    /** A packet that cannot be understood; the message says why, for the error packet and the log. */
    static final class MalformedPacketException extends Exception {
        MalformedPacketException(String message) {
            super(message);
        }
    }

    /** A read or write request, options in the order sent (names lower case). */
    record Request(int opcode, String fileName, String mode, List<Map.Entry<String, String>> options) {
        Request {
            options = List.copyOf(options);
        }
    }

    /** An error packet as received. */
    record Error(int code, String message) {
    }

    /** The opcode of the packet between position and limit, or -1 when it is shorter than two bytes. */
    static int opcode(ByteBuffer packet) {
        return packet.remaining() < 2 ? -1 : Short.toUnsignedInt(packet.getShort(packet.position()));
    }

    /**
     * Reads a RRQ/WRQ: opcode, file name, NUL, mode, NUL, then name/value pairs each NUL-ended.
     * The file name is decoded as UTF-8 (invalid bytes become U+FFFD, which the jail refuses),
     * the mode and options as ASCII, lower-cased.
     */
    static Request parseRequest(ByteBuffer packet) throws MalformedPacketException {
        int opcode = opcode(packet);
        if (opcode != RRQ && opcode != WRQ) {
            throw new MalformedPacketException("not a request (opcode " + opcode + ")");
        }
        ByteBuffer p = packet.duplicate();
        p.position(p.position() + 2);
        String fileName = string(p, StandardCharsets.UTF_8, "file name");
        String mode = string(p, StandardCharsets.US_ASCII, "mode").toLowerCase(Locale.ROOT);
        List<Map.Entry<String, String>> options = new ArrayList<>();
        while (p.hasRemaining()) {
            String name = string(p, StandardCharsets.US_ASCII, "option name").toLowerCase(Locale.ROOT);
            if (!p.hasRemaining()) {
                throw new MalformedPacketException("option " + name + " has no value");
            }
            String value = string(p, StandardCharsets.US_ASCII, "value of option " + name);
            if (name.isEmpty()) {
                throw new MalformedPacketException("empty option name");
            }
            options.add(Map.entry(name, value));
        }
        return new Request(opcode, fileName, mode, options);
    }

    private static String string(ByteBuffer p, java.nio.charset.Charset charset, String what)
            throws MalformedPacketException {
        int start = p.position();
        for (int i = start; i < p.limit(); i++) {
            if (p.get(i) == 0) {
                byte[] bytes = new byte[i - start];
                p.get(bytes);
                p.get();
                return new String(bytes, charset);
            }
        }
        throw new MalformedPacketException(what + " is not terminated by a NUL byte");
    }

    /** The block number of an ACK, or -1 when the packet is not a 4-byte ACK. */
    static int ackBlock(ByteBuffer packet) {
        if (packet.remaining() != 4 || opcode(packet) != ACK) {
            return -1;
        }
        return Short.toUnsignedInt(packet.getShort(packet.position() + 2));
    }

    /** Reads an ERROR packet; a missing terminator is tolerated (we only log the message). */
    static Error parseError(ByteBuffer packet) throws MalformedPacketException {
        if (packet.remaining() < 4 || opcode(packet) != ERROR) {
            throw new MalformedPacketException("not an error packet");
        }
        int code = Short.toUnsignedInt(packet.getShort(packet.position() + 2));
        int end = packet.position() + 4;
        while (end < packet.limit() && packet.get(end) != 0) {
            end++;
        }
        byte[] text = new byte[end - packet.position() - 4];
        packet.get(packet.position() + 4, text);
        return new Error(code, new String(text, StandardCharsets.US_ASCII));
    }

    /** Writes an ERROR packet into {@code dst} (cleared first) and flips it for sending. */
    static ByteBuffer error(ByteBuffer dst, int code, String message) {
        byte[] text = message.getBytes(StandardCharsets.US_ASCII);
        dst.clear();
        dst.putShort((short) ERROR).putShort((short) code).put(text, 0, Math.min(text.length, MAX_MESSAGE)).put((byte) 0);
        return dst.flip();
    }

    /** Writes an OACK packet into {@code dst} (cleared first) and flips it for sending. */
    static ByteBuffer oack(ByteBuffer dst, Map<String, String> options) {
        dst.clear();
        dst.putShort((short) OACK);
        options.forEach((name, value) -> dst.put(name.getBytes(StandardCharsets.US_ASCII)).put((byte) 0)
                .put(value.getBytes(StandardCharsets.US_ASCII)).put((byte) 0));
        return dst.flip();
    }

    /** Clears {@code dst} and writes a DATA header for {@code block} (the low 16 bits are sent). */
    static void dataHeader(ByteBuffer dst, long block) {
        dst.clear();
        dst.putShort((short) DATA).putShort((short) block);
    }
}
