package org.st20xx.tftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Octet mode: the file as it is. Blocks are served from a read-ahead buffer filled with one
 * positional read of {@value #READ_AHEAD} bytes (or one block, when blocks are bigger), so a
 * transfer does one file read per many packets; resending a block re-reads its position.
 */
final class OctetSource implements BlockSource {
    static final int READ_AHEAD = 64 * 1024;

    private final FileChannel file;
    private final long size;
    private final int blockSize;
    private final ByteBuffer cache;
    private long cacheStart;
    private int cacheLength;

    OctetSource(FileChannel file, long size, int blockSize) {
        this.file = file;
        this.size = size;
        this.blockSize = blockSize;
        // direct: FileChannel reads into it without a copy through a temporary direct buffer
        this.cache = ByteBuffer.allocateDirect((int) Math.min(Math.max(READ_AHEAD, blockSize), Math.max(size, 1)));
    }

    @Override
    public int read(long block, ByteBuffer dst) throws IOException {
        long position = (block - 1) * blockSize;
        int length = (int) Math.max(0, Math.min(blockSize, size - position));
        if (length == 0) {
            return 0;
        }
        if (position < cacheStart || position + length > cacheStart + cacheLength) {
            fill(position);
        }
        dst.put(dst.position(), cache, (int) (position - cacheStart), length);
        dst.position(dst.position() + length);
        return length;
    }

    private void fill(long position) throws IOException {
        cache.clear();
        cache.limit((int) Math.min(cache.capacity(), size - position));
        while (cache.hasRemaining()) {
            if (file.read(cache, position + cache.position()) < 0) {
                throw new IOException("the file became shorter while it was being sent");
            }
        }
        cacheStart = position;
        cacheLength = cache.position();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
