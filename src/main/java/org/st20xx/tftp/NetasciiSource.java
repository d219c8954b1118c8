package org.st20xx.tftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Netascii mode (RFC 764 as used by RFC 1350): every LF goes out as CR LF and every CR as CR NUL,
 * so a client that converts back gets the file unchanged. A file that already has CR LF line
 * ends therefore arrives with them. The converted stream has no fixed position per block, so
 * the blocks not yet acknowledged are kept in memory (at most a window plus one read).
 */
final class NetasciiSource implements BlockSource {
    private static final int CHUNK = 8192;

    private final FileChannel file;
    private final int blockSize;
    private final ByteBuffer raw = ByteBuffer.allocate(CHUNK);
    private byte[] converted = new byte[2 * CHUNK];
    private int length;
    /** The block that starts at converted[0]. */
    private long base = 1;
    private boolean eof;

    NetasciiSource(FileChannel file, int blockSize) {
        this.file = file;
        this.blockSize = blockSize;
    }

    /** The size of the file once converted: what {@code tsize} reports. */
    static long convertedSize(FileChannel file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long size = 0;
        long position = 0;
        int n;
        while ((n = file.read(buffer, position)) > 0) {
            position += n;
            size += n;
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (b == '\n' || b == '\r') {
                    size++;
                }
            }
            buffer.clear();
        }
        return size;
    }

    @Override
    public int read(long block, ByteBuffer dst) throws IOException {
        if (block < base) {
            throw new IllegalStateException("block " + block + " was already released");
        }
        long start = (block - base) * blockSize;
        while (!eof && length < start + blockSize) {
            convertMore();
        }
        int n = (int) Math.max(0, Math.min(blockSize, length - start));
        dst.put(converted, (int) start, n);
        return n;
    }

    @Override
    public void release(long block) {
        if (block < base) {
            return;
        }
        int drop = (int) Math.min((block - base + 1) * blockSize, length);
        System.arraycopy(converted, drop, converted, 0, length - drop);
        length -= drop;
        base = block + 1;
    }

    private void convertMore() throws IOException {
        raw.clear();
        if (file.read(raw) < 0) {
            eof = true;
            return;
        }
        raw.flip();
        if (converted.length < length + 2 * raw.remaining()) {
            byte[] bigger = new byte[Math.max(2 * converted.length, length + 2 * raw.remaining())];
            System.arraycopy(converted, 0, bigger, 0, length);
            converted = bigger;
        }
        while (raw.hasRemaining()) {
            byte b = raw.get();
            if (b == '\n') {
                converted[length++] = '\r';
                converted[length++] = '\n';
            } else if (b == '\r') {
                converted[length++] = '\r';
                converted[length++] = 0;
            } else {
                converted[length++] = b;
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
