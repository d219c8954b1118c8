package org.st20xx.tftp;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Socket addresses as people write them: {@code 127.0.0.1:69}, {@code [::1]:69}. */
final class Addresses {
    private Addresses() {
    }

    static String format(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
