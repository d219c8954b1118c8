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
    private final CharsetDecoder decoder;
    private ByteBuffer leftover = ByteBuffer.allocate(0);

    StreamDecoder(Charset charset) {
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    String decode(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.allocate(leftover.remaining() + length);
        in.put(leftover).put(bytes, offset, length).flip();
        String text = run(in, false);
        leftover = ByteBuffer.allocate(in.remaining()).put(in).flip();
        return text;
    }

    /** End of input: whatever is left (an incomplete character) is decoded as U+FFFD. */
    String finish() {
        String text = run(leftover, true);
        leftover = ByteBuffer.allocate(0);
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
