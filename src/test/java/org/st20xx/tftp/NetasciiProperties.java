package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Netascii conversion holds for any content, block size and pattern of resends. */
class NetasciiProperties {
    @Provide
    Arbitrary<byte[]> text() {
        // mostly line ends and NULs, so that CR/LF pairs fall on block edges often
        return Arbitraries.of((byte) 'a', (byte) '\r', (byte) '\n', (byte) 0, (byte) 0xFF)
                .array(byte[].class).ofMaxSize(3000);
    }

    @Property(tries = 200)
    void blocksConcatenateToTheConvertedFileWhateverTheResends(@ForAll("text") byte[] content,
            @ForAll @IntRange(min = 8, max = 700) int blockSize, @ForAll @IntRange(min = 1, max = 4) int window)
            throws IOException {
        Path file = Files.createTempFile("netascii", ".txt");
        try {
            Files.write(file, content);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                byte[] expected = convert(content);
                assertThat(NetasciiSource.convertedSize(channel)).isEqualTo(expected.length);
                NetasciiSource source = new NetasciiSource(channel, blockSize);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(blockSize);
                long acked = 0;
                boolean last = false;
                while (!last) {
                    // send a window, then send it again (as after a timeout): same bytes both times
                    byte[][] first = readWindow(source, acked, window, buffer);
                    byte[][] again = readWindow(source, acked, window, buffer);
                    assertThat(again).isDeepEqualTo(first);
                    for (byte[] block : first) {
                        out.write(block);
                        acked++;
                        if (block.length < blockSize) {
                            last = true;
                            break;
                        }
                    }
                    source.release(acked);
                }
                assertThat(out.toByteArray()).isEqualTo(expected);
                assertThat(decode(out.toByteArray())).isEqualTo(content);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static byte[][] readWindow(NetasciiSource source, long acked, int window, ByteBuffer buffer)
            throws IOException {
        java.util.List<byte[]> blocks = new java.util.ArrayList<>();
        for (long b = acked + 1; b <= acked + window; b++) {
            buffer.clear();
            int n = source.read(b, buffer);
            blocks.add(java.util.Arrays.copyOf(buffer.array(), n));
            if (n < buffer.capacity()) {
                break;
            }
        }
        return blocks.toArray(byte[][]::new);
    }

    /** RFC 764 as RFC 1350 uses it: LF to CR LF, CR to CR NUL. */
    static byte[] convert(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : content) {
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else if (b == '\r') {
                out.write('\r');
                out.write(0);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** What a receiving client does: CR LF to LF, CR NUL to CR. */
    static byte[] decode(byte[] wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < wire.length; i++) {
            if (wire[i] == '\r' && i + 1 < wire.length) {
                out.write(wire[i + 1] == '\n' ? '\n' : '\r');
                i++;
            } else {
                out.write(wire[i]);
            }
        }
        return out.toByteArray();
    }
}
