package org.st20xx.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TFTP client that does exactly what a test tells it, one packet at a time, over a socket on
 * 127.0.0.1: withhold or repeat an ACK, send garbage, see every packet the server sends. Every
 * receive has a deadline; nothing sleeps.
 */
final class RawClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    /** A packet from the server. */
    record Packet(int opcode, int block, byte[] data, int errorCode, String errorMessage, Map<String, String> options,
            InetSocketAddress from) {
        boolean isData() {
            return opcode == Packets.DATA;
        }

        boolean isError() {
            return opcode == Packets.ERROR;
        }

        @Override
        public String toString() {
            return switch (opcode) {
                case Packets.DATA -> "DATA " + block + " (" + data.length + " bytes)";
                case Packets.ERROR -> "ERROR " + errorCode + " " + errorMessage;
                case Packets.OACK -> "OACK " + options;
                default -> "opcode " + opcode;
            };
        }
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final byte[] buffer = new byte[70_000];
    private InetSocketAddress tid;

    RawClient(InetSocketAddress server) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort());
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout((int) WAIT.toMillis());
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The server's transfer socket, once a packet came from it. */
    InetSocketAddress tid() {
        return tid;
    }

    /** Sends raw bytes to the server's listening port. */
    void send(byte[] packet) throws IOException {
        sendTo(server, packet);
    }

    void sendTo(InetSocketAddress to, byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, to));
    }

    void request(String file, String mode, String... options) throws IOException {
        send(rrq(file, mode, options));
    }

    /** Acknowledges a block (its low 16 bits) to the transfer socket. */
    void ack(long block) throws IOException {
        sendTo(tid, ack16((int) block));
    }

    /** The next packet from the server, failing the test when none comes within {@link #WAIT}. */
    Packet receive() throws IOException {
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no packet from the server within " + WAIT.toSeconds() + " s", e);
        }
        InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
        if (from.getPort() != server.getPort()) {
            tid = from;
        }
        return parse(Arrays.copyOf(p.getData(), p.getLength()), from);
    }

    /** The next packet, which must be DATA for {@code block} (low 16 bits). */
    Packet receiveData(long block) throws IOException {
        Packet p = receive();
        if (!p.isData() || p.block() != (int) (block & 0xFFFF)) {
            throw new AssertionError("expected DATA " + (block & 0xFFFF) + " but got " + p);
        }
        return p;
    }

    /**
     * Fetches a whole file with RFC 7440 windows (ACK at the end of each window), checking that
     * blocks arrive in order, and returns its bytes as sent on the wire. Asks for the given block
     * and window size and uses what the OACK grants.
     */
    byte[] fetch(String file, String mode, int blockSize, int windowSize, String... extraOptions) throws IOException {
        String[] options = new String[4 + extraOptions.length];
        options[0] = "blksize";
        options[1] = Integer.toString(blockSize);
        options[2] = "windowsize";
        options[3] = Integer.toString(windowSize);
        System.arraycopy(extraOptions, 0, options, 4, extraOptions.length);
        request(file, mode, options);
        Packet first = receive();
        if (first.opcode() != Packets.OACK) {
            throw new AssertionError("expected an OACK but got " + first);
        }
        int size = Integer.parseInt(first.options().get("blksize"));
        int window = Integer.parseInt(first.options().get("windowsize"));
        ack(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long block = 1;
        while (true) {
            Packet p = receiveData(block);
            out.write(p.data());
            boolean last = p.data().length < size;
            if (last || block % window == 0) {
                ack(block);
            }
            if (last) {
                return out.toByteArray();
            }
            block++;
        }
    }

    static byte[] rrq(String file, String mode, String... options) {
        return request(Packets.RRQ, file, mode, options);
    }

    static byte[] wrq(String file, String mode) {
        return request(Packets.WRQ, file, mode);
    }

    private static byte[] request(int opcode, String file, String mode, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(opcode);
        for (String s : concat(file, mode, options)) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static String[] concat(String file, String mode, String[] options) {
        String[] all = new String[options.length + 2];
        all[0] = file;
        all[1] = mode;
        System.arraycopy(options, 0, all, 2, options.length);
        return all;
    }

    static byte[] ack16(int block) {
        return new byte[] {0, (byte) Packets.ACK, (byte) (block >> 8), (byte) block};
    }

    static byte[] error(int code, String message) {
        ByteBuffer b = ByteBuffer.allocate(5 + message.length());
        b.putShort((short) Packets.ERROR).putShort((short) code).put(message.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        return b.array();
    }

    private static Packet parse(byte[] bytes, InetSocketAddress from) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int opcode = Short.toUnsignedInt(b.getShort());
        return switch (opcode) {
            case Packets.DATA -> new Packet(opcode, Short.toUnsignedInt(b.getShort()),
                    Arrays.copyOfRange(bytes, 4, bytes.length), -1, null, Map.of(), from);
            case Packets.ERROR -> new Packet(opcode, -1, new byte[0], Short.toUnsignedInt(b.getShort()),
                    new String(bytes, 4, Math.max(0, bytes.length - 5), StandardCharsets.US_ASCII), Map.of(), from);
            case Packets.OACK -> new Packet(opcode, -1, new byte[0], -1, null, options(bytes), from);
            default -> new Packet(opcode, -1, bytes, -1, null, Map.of(), from);
        };
    }

    private static Map<String, String> options(byte[] bytes) {
        String[] parts = new String(bytes, 2, bytes.length - 2, StandardCharsets.US_ASCII).split("\0");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            options.put(parts[i], parts[i + 1]);
        }
        return options;
    }

    @Override
    public void close() {
        socket.close();
    }
}
