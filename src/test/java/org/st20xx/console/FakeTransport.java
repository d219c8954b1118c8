package org.st20xx.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * A scripted {@link ConsoleTransport}: it hands out the queued output in chunks of random size
 * (1 to {@code maxChunk} bytes, from a seeded {@link Random}, so a failing seed can be replayed),
 * then ends, breaks or stays silent. Silence costs no time: a read with nothing queued advances
 * the {@link FakeTicker} by its timeout and returns {@link #TIMEOUT}. Replies can be queued when
 * a write contains a trigger, in order, for dialogues.
 */
public final class FakeTransport implements ConsoleTransport {

    private static final Object END = new Object();

    private final Random random;
    private final int maxChunk;
    private final FakeTicker ticker = new FakeTicker();
    private final Deque<Object> script = new ArrayDeque<>();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<Integer> chunkSizes = new ArrayList<>();
    private byte[] current;
    private int position;
    private boolean open = true;

    private record Reply(String trigger, List<Object> output) {
    }

    /** Output comes in chunks of 1 to {@code maxChunk} bytes, sizes drawn from {@code seed}. */
    public FakeTransport(long seed, int maxChunk) {
        if (maxChunk < 1) {
            throw new IllegalArgumentException("maxChunk < 1");
        }
        this.random = new Random(seed);
        this.maxChunk = maxChunk;
    }

    /** Each queued output comes in one read (up to the reader's buffer size). */
    public static FakeTransport whole() {
        return new FakeTransport(0, Integer.MAX_VALUE);
    }

    /** Queues {@code text} (ISO-8859-1) as output. */
    public FakeTransport output(String text) {
        return output(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Queues bytes as output. */
    public FakeTransport output(byte[] bytes) {
        script.add(bytes.clone());
        return this;
    }

    /** After the queued output, the remote side closes the connection. */
    public FakeTransport end() {
        script.add(END);
        return this;
    }

    /** After the queued output, the connection breaks: reads throw {@code error}. */
    public FakeTransport breakWith(IOException error) {
        script.add(error);
        return this;
    }

    /** When a write contains {@code trigger} (after the earlier replies fired), queue {@code reply}. */
    public FakeTransport onWrite(String trigger, String reply) {
        replies.add(new Reply(trigger, List.of(reply.getBytes(StandardCharsets.ISO_8859_1))));
        return this;
    }

    /** When a write contains {@code trigger}, queue {@code reply} and then close the connection. */
    public FakeTransport onWriteThenEnd(String trigger, String reply) {
        replies.add(new Reply(trigger, List.of(reply.getBytes(StandardCharsets.ISO_8859_1), END)));
        return this;
    }

    public FakeTicker ticker() {
        return ticker;
    }

    /** Everything written so far, decoded as ISO-8859-1. */
    public synchronized String written() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    /** The sizes of the chunks handed out so far. */
    public List<Integer> chunkSizes() {
        return List.copyOf(chunkSizes);
    }

    @Override
    public void connect(Duration timeout) {
        // scripted transports start connected
    }

    @Override
    public synchronized int read(byte[] buffer, Duration timeout) throws IOException {
        if (!open) {
            throw new IOException("fake transport is closed");
        }
        if (current == null || position == current.length) {
            Object next = script.poll();
            if (next == null) {
                ticker.advance(timeout);
                return TIMEOUT;
            }
            if (next == END) {
                open = false;
                return EOF;
            }
            if (next instanceof IOException error) {
                open = false;
                throw error;
            }
            current = (byte[]) next;
            position = 0;
            if (current.length == 0) {
                return read(buffer, timeout);
            }
        }
        int chunk = maxChunk == Integer.MAX_VALUE ? Integer.MAX_VALUE : 1 + random.nextInt(maxChunk);
        int size = Math.min(Math.min(chunk, current.length - position), buffer.length);
        System.arraycopy(current, position, buffer, 0, size);
        position += size;
        chunkSizes.add(size);
        return size;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        if (!open) {
            throw new IOException("Broken pipe (fake)");
        }
        written.write(bytes, 0, bytes.length);
        Reply reply = replies.peek();
        if (reply != null && new String(bytes, StandardCharsets.ISO_8859_1).contains(reply.trigger())) {
            replies.remove();
            script.addAll(reply.output());
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
    }

    @Override
    public String toString() {
        return "fake transport";
    }
}
