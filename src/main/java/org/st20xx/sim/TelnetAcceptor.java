package org.st20xx.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

/**
 * Accepts the telnet connections of every phone of a lab on one selector thread. Listeners are
 * opened and closed on that thread while the caller waits, so when {@link #close} returns the
 * kernel has dropped the listener and the port refuses the next connection. (Closing a socket
 * that another thread is blocked on in {@code accept()} leaves it listening until that thread
 * wakes up, so a phone that had just gone silent could still be connected to.) Each accepted
 * connection gets its own thread, which starts in the listener's {@link Handler}. The selector
 * thread never takes a phone's lock, so a phone may open and close listeners while holding it.
 */
final class TelnetAcceptor implements AutoCloseable {
    /** What a listener does with a connection, on the connection's own thread. */
    interface Handler {
        void accepted(ServerSocketChannel from, Socket socket);
    }

    private interface IoTask<T> {
        T run() throws IOException;
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    TelnetAcceptor() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, "sim-telnet-acceptor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens on {@code address} (a port held by a {@link ReservedPort}, so SO_REUSEADDR). */
    ServerSocketChannel open(InetSocketAddress address, Handler handler) throws IOException {
        return onSelectorThread(() -> {
            ServerSocketChannel ch = ServerSocketChannel.open();
            try {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.bind(address, 50);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_ACCEPT, handler);
                return ch;
            } catch (IOException e) {
                ch.close();
                throw e;
            }
        });
    }

    /** Stops listening; when this returns, connections to the port are refused. */
    void close(ServerSocketChannel ch) {
        try {
            onSelectorThread(() -> {
                SelectionKey key = ch.keyFor(selector);
                if (key != null) {
                    key.cancel();
                    selector.selectNow();
                }
                ch.close();
                return null;
            });
        } catch (IOException e) {
            SimulatedPhone.closeQuietly(ch);
        }
    }

    private <T> T onSelectorThread(IoTask<T> task) throws IOException {
        if (Thread.currentThread() == thread) {
            return task.run();
        }
        if (closed) {
            throw new IOException("the lab is closed");
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                done.complete(task.run());
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private void loop() {
        while (!closed) {
            try {
                selector.select();
                for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
                    r.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept((ServerSocketChannel) key.channel(), (Handler) key.attachment());
                    }
                }
                selector.selectedKeys().clear();
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException e) {
                // one failed select or accept: keep serving the other phones
            }
        }
    }

    private void accept(ServerSocketChannel from, Handler handler) throws IOException {
        SocketChannel s = from.accept();
        if (s == null) {
            return;
        }
        Thread t = new Thread(null, () -> handler.accepted(from, s.socket()), "sim-telnet-session", 256 * 1024);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
            r.run();
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
