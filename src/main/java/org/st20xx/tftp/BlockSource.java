package org.st20xx.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of one transfer, cut into blocks as they go on the wire. Blocks are numbered from 1
 * without wrapping (the wire number is the low 16 bits). A block may be read again until it is
 * released, which resending after a timeout needs.
 */
interface BlockSource extends Closeable {
    /**
     * Puts block {@code block} into {@code dst} (which has room for a whole block) and returns
     * its length; a length below the block size marks the last block.
     */
    int read(long block, ByteBuffer dst) throws IOException;

    /** Blocks up to and including {@code block} are acknowledged and will not be read again. */
    default void release(long block) {
    }
}
