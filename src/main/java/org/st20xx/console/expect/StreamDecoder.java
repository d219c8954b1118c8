package org.st20xx.console.expect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes that arrive in pieces: a multi-byte character split between two reads (UTF-8)
 * is decoded when its last byte arrives. Malformed input becomes U+FFFD. Not thread-safe.
 */
final class StreamDecoder {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final CharsetDecoder decoder;
    /** The start of a character split between reads (a copy), or {@link #EMPTY}. */
    private ByteBuffer leftover = EMPTY;

    StreamDecoder(Charset charset) {
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    String decode(byte[] bytes, int offset, int length) {
        ByteBuffer in;
        if (leftover.hasRemaining()) {
            in = ByteBuffer.allocate(leftover.remaining() + length);
            in.put(leftover).put(bytes, offset, length).flip();
        } else {
            in = ByteBuffer.wrap(bytes, offset, length); // decoded in place: nothing held from the last read
        }
        String text = run(in, false);
        // the caller reuses its array: what is left (a split character) is copied
        leftover = in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : EMPTY;
        return text;
    }

    /** End of input: whatever is left (an incomplete character) is decoded as U+FFFD. */
    String finish() {
        String text = run(leftover, true);
        leftover = EMPTY;
        CharBuffer out = CharBuffer.allocate(8);
        decoder.flush(out);
        decoder.reset();
        return text + out.flip();
    }

    private String run(ByteBuffer in, boolean endOfInput) {
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 8);
        while (true) {
            CoderResult result = decoder.decode(in, out, endOfInput);
            if (!result.isOverflow()) {
                return out.flip().toString();
            }
            CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }
}
