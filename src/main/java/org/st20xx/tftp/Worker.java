package org.st20xx.tftp;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One I/O thread: a selector over the sockets of the transfers it owns (and, for the first
 * worker, the listening socket), their timeouts, and one reused send buffer. A transfer stays on
 * the worker that started it, so its state is only ever touched by one thread.
 */
final class Worker implements Runnable {
    private static final System.Logger LOG = System.getLogger(TftpServer.class.getName());
    /** ACKs are 4 bytes and error packets at most 516; anything longer is cut, which is harmless. */
    private static final int RECEIVE_BUFFER = 1024;

    private final Selector selector;
    private final AtomicBoolean closing;
    private final Consumer<Session> onEnd;
    private final ByteBuffer in = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
    private final ByteBuffer out = ByteBuffer.allocateDirect(Packets.DATA_HEADER + Negotiation.MAX_BLOCK_SIZE);
    private final Queue<Session> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicInteger load = new AtomicInteger();
    private final List<Session> sessions = new ArrayList<>();
    private final Thread thread;
    private final Consumer<SelectionKey> onReady = this::ready;
    private boolean deadlineSet;
    private long nextDeadline;

    /**
     * @param onEnd called on this worker's thread once a transfer has finished and its socket
     *              is closed
     */
    Worker(String name, AtomicBoolean closing, Consumer<Session> onEnd) throws IOException {
        this.selector = Selector.open();
        this.closing = closing;
        this.onEnd = onEnd;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    Selector selector() {
        return selector;
    }

    /** The buffer the transfers of this worker build their packets in. */
    ByteBuffer sendBuffer() {
        return out;
    }

    /** Transfers owned or about to be. */
    int load() {
        return load.get();
    }

    Thread thread() {
        return thread;
    }

    void start() {
        thread.start();
    }

    void wakeup() {
        selector.wakeup();
    }

    /** Hands a new transfer to this worker; it is registered and started on the worker's thread. */
    void submit(Session session) {
        load.incrementAndGet();
        incoming.add(session);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!closing.get()) {
                if (!deadlineSet) {
                    selector.select(onReady);
                } else {
                    long wait = nextDeadline - System.nanoTime();
                    if (wait > 0) {
                        selector.select(onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
                    } else {
                        selector.selectNow(onReady);
                    }
                }
                startIncoming();
                if (deadlineSet && System.nanoTime() - nextDeadline >= 0) {
                    checkTimeouts(System.nanoTime());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "TFTP worker " + thread.getName() + " stopped", e);
        } finally {
            abortAll();
            try {
                selector.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }

    /**
     * Ends every transfer this worker owns or was handed, with {@link Outcome#SHUTDOWN}. Runs when
     * the loop stops, and again from {@link TftpServer#close()} once the thread has ended, for a
     * transfer handed over after the loop stopped.
     */
    void abortAll() {
        for (Session s; (s = incoming.poll()) != null; ) {
            sessions.add(s);
        }
        for (Session s : new ArrayList<>(sessions)) {
            fail(s, Outcome.SHUTDOWN, "server shutting down");
        }
    }

    private void ready(SelectionKey key) {
        Object attachment = key.attachment();
        if (attachment instanceof Session s) {
            try {
                serve(s);
            } catch (RuntimeException e) {
                failed(s, "cannot serve", e);
            }
        } else if (attachment instanceof Runnable task) {
            task.run();
        }
    }

    private void startIncoming() {
        for (Session s; (s = incoming.poll()) != null; ) {
            sessions.add(s);
            try {
                s.key = s.channel.register(selector, SelectionKey.OP_READ, s);
                s.transfer.start(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                failed(s, "cannot start sending", e);
                continue;
            }
            schedule(s.transfer.deadline());
        }
    }

    /**
     * Reads one packet: ACKs come one per window, and the selector is level-triggered, so a second
     * queued packet is picked up by the next select without an extra read that would find nothing.
     */
    private void serve(Session s) {
        in.clear();
        try {
            if (s.channel.read(in) <= 0) {
                return;
            }
            in.flip();
            if (!s.transfer.onPacket(in, System.nanoTime())) {
                LOG.log(System.Logger.Level.DEBUG, () -> Addresses.format(s.request.client())
                        + ": ignored an unexpected packet during the transfer of " + s.request.fileName());
            }
        } catch (PortUnreachableException e) {
            fail(s, Outcome.CLIENT_ERROR, "the client's port became unreachable (it gave up)");
            return;
        } catch (IOException e) {
            failed(s, "I/O error", e);
            return;
        }
        if (s.transfer.finished()) {
            end(s);
        }
    }

    /** Runs the timeouts that are due and finds the next deadline (deadlines only move later otherwise). */
    private void checkTimeouts(long now) {
        deadlineSet = false;
        for (Session s : new ArrayList<>(sessions)) {
            try {
                s.transfer.onTimeout(now);
            } catch (IOException | RuntimeException e) {
                failed(s, "cannot resend", e);
                continue;
            }
            if (s.transfer.finished()) {
                end(s);
            } else {
                schedule(s.transfer.deadline());
            }
        }
    }

    private void schedule(long deadline) {
        if (!deadlineSet || deadline - nextDeadline < 0) {
            nextDeadline = deadline;
            deadlineSet = true;
        }
    }

    /**
     * Ends one transfer on an unexpected error, so that the worker, and the other transfers on it,
     * go on. A RuntimeException here is a bug, logged with its stack trace.
     */
    private void failed(Session s, String what, Exception e) {
        if (e instanceof RuntimeException) {
            LOG.log(System.Logger.Level.ERROR, "bug: " + what + " " + s.request.fileName(), e);
        }
        fail(s, Outcome.SERVER_ERROR, what + ": " + e);
    }

    private void fail(Session s, Outcome outcome, String detail) {
        try {
            s.transfer.abort(outcome, detail);
        } catch (IOException e) {
            // the error packet is a courtesy; the outcome is recorded either way
        }
        end(s);
    }

    private void end(Session s) {
        if (s.key != null) {
            s.key.cancel();
        }
        try {
            s.channel.close();
        } catch (IOException e) {
            // a UDP socket has nothing to flush
        }
        try {
            s.transfer.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + s.file + ": " + e);
        }
        sessions.remove(s);
        load.decrementAndGet();
        onEnd.accept(s);
    }
}
