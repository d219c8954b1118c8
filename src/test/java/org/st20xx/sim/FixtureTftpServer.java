package org.st20xx.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPAckPacket;
import org.apache.commons.net.tftp.TFTPDataPacket;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;
import org.apache.commons.net.tftp.TFTPReadRequestPacket;

/**
 * Test-only, read-only TFTP server (RFC 1350, no options) on commons-net's packet classes, bound
 * to 127.0.0.1 on a port the system chooses, serving the files of one directory: a fault injector
 * for the simulator's own tests. {@link #stallAfter} makes one transfer stop sending midway, which
 * the project's server ({@code org.st20xx.tftp.TftpServer}, used by every test of the tool itself)
 * rightly never does. One thread per transfer.
 */
final class FixtureTftpServer implements AutoCloseable {
    private static final int BLOCK = 512;
    private static final Duration RESEND = Duration.ofMillis(300);
    private static final int MAX_RESENDS = 5;

    private final Path root;
    private final TFTP main = new TFTP();
    private final Map<String, Integer> stalls = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FixtureTftpServer(Path root) {
        this.root = root;
    }

    static FixtureTftpServer start(Path root) throws IOException {
        FixtureTftpServer s = new FixtureTftpServer(root);
        s.main.open(0, InetAddress.getLoopbackAddress());
        s.main.setSoTimeout(Duration.ofMillis(200));
        Thread t = new Thread(s::serve, "fixture-tftp");
        t.setDaemon(true);
        t.start();
        return s;
    }

    int port() {
        return main.getLocalPort();
    }

    /** File names asked for, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The next transfer of {@code file} sends {@code blocks} blocks, then nothing more. */
    void stallAfter(String file, int blocks) {
        stalls.put(file, blocks);
    }

    private void serve() {
        while (!closed) {
            try {
                TFTPPacket p = main.receive();
                if (p instanceof TFTPReadRequestPacket rrq) {
                    requests.add(rrq.getFilename());
                    Thread t = new Thread(() -> transfer(rrq), "fixture-tftp-" + rrq.getFilename());
                    t.setDaemon(true);
                    t.start();
                } else {
                    main.send(new TFTPErrorPacket(p.getAddress(), p.getPort(), TFTPErrorPacket.ILLEGAL_OPERATION,
                            "read-only server"));
                }
            } catch (InterruptedIOException e) {
                // poll the closed flag
            } catch (IOException | TFTPPacketException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void transfer(TFTPReadRequestPacket rrq) {
        TFTP t = new TFTP();
        try {
            t.open(0, InetAddress.getLoopbackAddress());
            t.setSoTimeout(RESEND);
            String name = rrq.getFilename();
            Path file = root.resolve(name).normalize();
            if (name.contains("/") || name.contains("\\") || !file.startsWith(root) || !Files.isRegularFile(file)) {
                t.send(new TFTPErrorPacket(rrq.getAddress(), rrq.getPort(), TFTPErrorPacket.FILE_NOT_FOUND,
                        "File not found"));
                return;
            }
            byte[] data = Files.readAllBytes(file);
            Integer stall = stalls.remove(name);
            for (int block = 1, off = 0; ; block++, off += BLOCK) {
                if (stall != null && block > stall) {
                    return;
                }
                int len = Math.min(BLOCK, data.length - off);
                TFTPDataPacket d = new TFTPDataPacket(rrq.getAddress(), rrq.getPort(), block & 0xffff, data, off, len);
                if (!sendAndAwaitAck(t, d, block & 0xffff) || len < BLOCK) {
                    return;
                }
            }
        } catch (IOException e) {
            // the transfer is abandoned
        } finally {
            t.close();
        }
    }

    private static boolean sendAndAwaitAck(TFTP t, TFTPDataPacket d, int block) throws IOException {
        for (int tries = 0; tries <= MAX_RESENDS; tries++) {
            t.send(d);
            try {
                while (true) {
                    TFTPPacket p = t.receive();
                    if (p instanceof TFTPAckPacket ack && ack.getBlockNumber() == block) {
                        return true;
                    }
                    if (p instanceof TFTPErrorPacket) {
                        return false;
                    }
                }
            } catch (InterruptedIOException e) {
                // resend
            } catch (TFTPPacketException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        main.close();
    }
}
