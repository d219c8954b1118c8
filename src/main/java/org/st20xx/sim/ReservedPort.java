package org.st20xx.sim;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Holds a TCP port for a phone for the life of the lab, listening or not. A bound socket that
 * does not listen keeps the port (connections to it are refused, as on a phone whose telnet is
 * off or that is booting) so no other socket takes it; a listener (the {@link TelnetAcceptor}'s,
 * or the web server's) joins it on the same port with {@code SO_REUSEADDR} whenever the phone
 * answers.
 */
final class ReservedPort implements Closeable {
    private final Socket holder;
    private final InetSocketAddress address;

    private ReservedPort(Socket holder) {
        this.holder = holder;
        this.address = (InetSocketAddress) holder.getLocalSocketAddress();
    }

    /** Reserves {@code port} on {@code bind} (0: a port the system chooses). */
    static ReservedPort reserve(InetAddress bind, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bind, port));
            return new ReservedPort(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }

    /** ADDR:PORT as the simulator prints it ({@code [::1]:PORT} for IPv6). */
    static String text(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof java.net.Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
