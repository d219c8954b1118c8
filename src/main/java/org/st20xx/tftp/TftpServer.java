package org.st20xx.tftp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A read-only TFTP server (RFC 1350 with options: RFC 2347 negotiation, 2348 blksize, 2349 tsize
 * and timeout, 7440 windowsize) serving one root directory.
 *
 * <p>Each transfer gets its own ephemeral port (its TID, RFC 1350), connected to the client, so the
 * kernel keeps other senders' packets away from it. A small fixed set of I/O threads (two per
 * core, at most {@value #MAX_WORKERS}) each run a {@link java.nio.channels.Selector} over many
 * transfer sockets; the first also reads the requests. Why more than one: most of the cost of a
 * UDP send is kernel work done in the sending thread (on loopback, even waking the receiver), so
 * one thread caps the server at one core; and with clients on the same machine, the scheduler
 * shares the cores out per thread. Listeners are called on a separate event thread (see
 * {@link TransferListener}), so they cannot stall transfers.
 *
 * <pre>{@code
 * try (TftpServer server = TftpServer.start(TftpServerConfig.loopback(firmwareDir))) {
 *     TransferLog log = new TransferLog();
 *     server.addListener(log);
 *     ... tell the phone to fetch "v2030SG.zz" from server.address() ...
 *     Optional<Transfer> done = log.awaitTransfer(TransferLog.fetched(phoneIp, "v2030SG.zz"), Duration.ofMinutes(2));
 * }
 * }</pre>
 */
public final class TftpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TftpServer.class.getName());
    /** Most I/O threads: two per core up to this many (see the class comment for why two). */
    static final int MAX_WORKERS = 8;
    /** Largest UDP payload; requests and stray packets are read into a buffer this big. */
    private static final int MAX_DATAGRAM = 65536;
    /** Requests read from the listening socket per wake-up, so a flood cannot starve transfers. */
    private static final int DRAIN_LIMIT = 64;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final TftpServerConfig config;
    private final Jail jail;
    private final ProtocolFamily family;
    private final DatagramChannel socket;
    private final InetSocketAddress address;
    private final Worker[] workers;
    /** Used by the first worker's thread only: requests in, error replies to them out. */
    private final ByteBuffer in = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final ByteBuffer reply = ByteBuffer.allocateDirect(516);
    private final AtomicInteger active = new AtomicInteger();
    private final Map<InetSocketAddress, Session> byClient = new ConcurrentHashMap<>();
    private final List<TransferListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Thread eventThread;

    private TftpServer(TftpServerConfig config, Jail jail, ProtocolFamily family, DatagramChannel socket)
            throws IOException {
        this.config = config;
        this.jail = jail;
        this.family = family;
        this.socket = socket;
        this.address = (InetSocketAddress) socket.getLocalAddress();
        int count = Math.min(MAX_WORKERS, 2 * Runtime.getRuntime().availableProcessors());
        this.workers = new Worker[count];
        try {
            for (int i = 0; i < count; i++) {
                workers[i] = new Worker("tftp-io-" + address.getPort() + "-" + i, closing, this::ended);
            }
            socket.register(workers[0].selector(), SelectionKey.OP_READ, (Runnable) this::receiveRequests);
        } catch (IOException e) {
            for (Worker w : workers) {
                if (w != null) {
                    closeQuietly(w.selector());
                }
            }
            throw e;
        }
        this.events = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "tftp-events-" + address.getPort());
            t.setDaemon(true);
            eventThread = t;
            return t;
        });
    }

    /**
     * Binds the listening socket and starts serving.
     *
     * @throws TftpException when the root is not a directory or the address cannot be bound
     */
    public static TftpServer start(TftpServerConfig config) {
        Objects.requireNonNull(config, "config");
        Jail jail;
        try {
            jail = new Jail(config.root());
        } catch (IOException e) {
            throw new TftpException("cannot serve " + config.root() + ": not an existing directory", e);
        }
        InetSocketAddress bind = new InetSocketAddress(config.bindAddress(), config.port());
        ProtocolFamily family = config.bindAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel socket = null;
        try {
            socket = DatagramChannel.open(family);
            socket.bind(bind);
            socket.configureBlocking(false);
            TftpServer server = new TftpServer(config, jail, family, socket);
            for (Worker w : server.workers) {
                w.start();
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "serving " + jail.root() + " on " + Addresses.format(server.address));
            return server;
        } catch (IOException e) {
            closeQuietly(socket);
            String hint = config.port() > 0 && config.port() < 1024 && String.valueOf(e.getMessage()).contains("denied")
                    ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE)" : "";
            throw new TftpException("cannot bind " + Addresses.format(bind) + ": " + e.getMessage() + hint, e);
        }
    }

    /** The bound address of the listening socket (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    /** The directory served (its real path). */
    public Path root() {
        return jail.root();
    }

    /** Adds a listener for events dispatched from now on. Safe to call from any thread. */
    public void addListener(TransferListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Stops the server: running transfers end with {@link Outcome#SHUTDOWN} (the client gets an
     * error packet), sockets are closed, and the events still queued are delivered before this
     * returns (unless it is called from a listener). Idempotent.
     */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            for (Worker w : workers) {
                w.wakeup();
            }
        }
        try {
            for (Worker w : workers) {
                if (Thread.currentThread() != w.thread()) {
                    w.thread().join(STOP_WAIT.toMillis());
                    if (!w.thread().isAlive()) {
                        w.abortAll();
                    }
                }
            }
            closeQuietly(socket);
            events.shutdown();
            if (Thread.currentThread() != eventThread
                    && !events.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "TFTP event listeners still busy after " + STOP_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- requests, on the first worker's thread ----------------------------------------------

    private void receiveRequests() {
        for (int i = 0; i < DRAIN_LIMIT; i++) {
            SocketAddress from;
            in.clear();
            try {
                from = socket.receive(in);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "receive failed on the listening socket: " + e);
                continue;
            }
            if (from == null) {
                return;
            }
            in.flip();
            try {
                onRequestPacket((InetSocketAddress) from, in);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "bug while handling a request from " + from, e);
            }
        }
    }

    private void onRequestPacket(InetSocketAddress from, ByteBuffer packet) {
        long startNanos = System.nanoTime();
        int opcode = Packets.opcode(packet);
        if (opcode == Packets.ERROR) {
            LOG.log(System.Logger.Level.DEBUG, () -> "ignored an error packet sent to the listening port by " + from);
            return;
        }
        Packets.Request parsed;
        try {
            parsed = Packets.parseRequest(packet);
        } catch (Packets.MalformedPacketException e) {
            String text = opcode == Packets.DATA || opcode == Packets.ACK || opcode == Packets.OACK
                    ? "unexpected packet on the request port" : "malformed request: " + e.getMessage();
            LOG.log(System.Logger.Level.DEBUG, () -> Addresses.format(from) + ": " + text);
            replyWithError(from, Packets.ERR_ILLEGAL, text);
            return;
        }
        Session running = byClient.get(from);
        if (running != null && running.request.fileName().equals(parsed.fileName())) {
            LOG.log(System.Logger.Level.DEBUG, () -> Addresses.format(from) + ": repeated request ignored");
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        parsed.options().forEach(o -> options.put(o.getKey(), o.getValue()));
        TftpRequest request = new TftpRequest(from,
                parsed.opcode() == Packets.WRQ ? TftpRequest.Kind.WRITE : TftpRequest.Kind.READ,
                parsed.fileName(), parsed.mode(), options, Instant.now());
        publish(l -> l.requestReceived(request));
        if (request.kind() == TftpRequest.Kind.WRITE) {
            refuse(request, startNanos, Outcome.ACCESS_DENIED, Packets.ERR_ACCESS, "Access violation: read-only server",
                    "write requests are refused: the server is read-only");
            return;
        }
        boolean netascii = request.mode().equals("netascii");
        if (!netascii && !request.mode().equals("octet")) {
            refuse(request, startNanos, Outcome.BAD_REQUEST, Packets.ERR_ILLEGAL,
                    "unsupported mode '" + request.mode() + "'", "mode '" + request.mode() + "' is not octet or netascii");
            return;
        }
        if (active.get() >= config.maxTransfers()) {
            refuse(request, startNanos, Outcome.BUSY, Packets.ERR_UNDEFINED, "Server busy, try again later",
                    "the limit of " + config.maxTransfers() + " concurrent transfers is reached");
            return;
        }
        Negotiation negotiation;
        try {
            negotiation = Negotiation.negotiate(parsed.options());
        } catch (Negotiation.OptionException e) {
            refuse(request, startNanos, Outcome.BAD_REQUEST, Packets.ERR_OPTION, e.getMessage(), e.getMessage());
            return;
        }
        Jail.Resolution resolution = jail.resolve(request.fileName());
        if (resolution instanceof Jail.Refused refused) {
            refuse(request, startNanos, refused.outcome(), refused.errorCode(), refused.message(), refused.detail());
            return;
        }
        open(request, ((Jail.Found) resolution).file(), netascii, negotiation, startNanos);
    }

    private void open(TftpRequest request, Path file, boolean netascii, Negotiation negotiation, long startNanos) {
        FileChannel data;
        try {
            data = FileChannel.open(file, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            refuse(request, startNanos, Outcome.ACCESS_DENIED, Packets.ERR_ACCESS, "Access violation",
                    "the server may not read " + file);
            return;
        } catch (IOException e) {
            refuse(request, startNanos, Outcome.SERVER_ERROR, Packets.ERR_UNDEFINED, "cannot read the file",
                    "cannot open " + file + ": " + e);
            return;
        }
        DatagramChannel channel = null;
        try {
            long fileSize = data.size();
            long size = netascii && negotiation.wantsSize() ? NetasciiSource.convertedSize(data) : fileSize;
            int blockSize = negotiation.blockSize();
            BlockSource source = netascii ? new NetasciiSource(data, blockSize) : new OctetSource(data, fileSize, blockSize);
            channel = DatagramChannel.open(family);
            channel.bind(new InetSocketAddress(config.bindAddress(), 0));
            channel.connect(request.client());
            channel.configureBlocking(false);
            Map<String, String> oack = negotiation.oack(size);
            Duration timeout = negotiation.timeout() != null ? negotiation.timeout() : config.timeout();
            Worker worker = leastLoaded();
            DatagramChannel transferChannel = channel;
            ReadTransfer transfer = new ReadTransfer(source, transferChannel::write, worker.sendBuffer(), blockSize,
                    negotiation.windowSize(), timeout.toNanos(), config.retries(), oack);
            Session session = new Session(request, file, channel, transfer, startNanos, oack);
            active.incrementAndGet();
            byClient.put(request.client(), session);
            worker.submit(session);
        } catch (IOException e) {
            closeQuietly(data);
            closeQuietly(channel);
            refuse(request, startNanos, Outcome.SERVER_ERROR, Packets.ERR_UNDEFINED, "server error",
                    "cannot start the transfer: " + e);
        }
    }

    private Worker leastLoaded() {
        Worker best = workers[0];
        for (Worker w : workers) {
            if (w.load() < best.load()) {
                best = w;
            }
        }
        return best;
    }

    /** A worker finished a transfer (on its thread). */
    private void ended(Session s) {
        active.decrementAndGet();
        byClient.remove(s.request.client(), s);
        finished(s.toTransfer(System.nanoTime()));
    }

    private void refuse(TftpRequest request, long startNanos, Outcome outcome, int code, String message, String detail) {
        replyWithError(request.client(), code, message);
        finished(new Transfer(request, outcome, detail, null, 0, 0, 0, Map.of(), request.received(),
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /**
     * Sends an error in answer to a request from a fresh port, as a forking server like tftpd-hpa
     * does: RFC 1350 clients take the first reply's port as the server's TID, and some (commons-net's
     * TFTPClient) reject a reply from the port they sent the request to.
     */
    private void replyWithError(InetSocketAddress to, int code, String message) {
        try (DatagramChannel once = DatagramChannel.open(family)) {
            once.bind(new InetSocketAddress(config.bindAddress(), 0));
            once.send(Packets.error(reply, code, message), to);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot send an error to " + Addresses.format(to) + ": " + e);
        }
    }

    private void finished(Transfer transfer) {
        // Refusals by the jail and our own failures are worth a warning; the rest is routine
        // (phones probe for many files that do not exist) and reaches people through the events.
        System.Logger.Level level = switch (transfer.outcome()) {
            case ACCESS_DENIED, SERVER_ERROR -> System.Logger.Level.WARNING;
            default -> System.Logger.Level.DEBUG;
        };
        LOG.log(level, transfer::summary);
        publish(l -> l.transferFinished(transfer));
    }

    private void publish(Consumer<TransferListener> event) {
        try {
            events.execute(() -> {
                for (TransferListener listener : listeners) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "a TFTP event listener failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "event after close dropped");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort here
            }
        }
    }
}
