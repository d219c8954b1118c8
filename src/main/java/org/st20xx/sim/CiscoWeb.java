package org.st20xx.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * A simulated Cisco phone's web page ({@code GET /}, no account, as the phone's "Device
 * Information" page): MAC address, host name, the image it runs, protocol and version, its state
 * and the error on its screen. On the JDK's own HTTP server, handlers on the lab's executor.
 */
final class CiscoWeb {
    private CiscoWeb() {
    }

    static HttpServer start(CiscoPhone phone, ReservedPort port, Executor executor) throws IOException {
        HttpServer server = HttpServer.create(port.address(), 50);
        server.createContext("/", ex -> handle(phone, ex));
        server.setExecutor(executor);
        server.start();
        return server;
    }

    private static void handle(CiscoPhone phone, HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/index.html")) {
                WebInterface.send(ex, 404, "Not Found");
            } else if (!ex.getRequestMethod().equals("GET")) {
                WebInterface.send(ex, 405, "Method Not Allowed");
            } else {
                WebInterface.send(ex, 200, page(phone.state()));
            }
        }
    }

    static String page(PhoneState s) {
        return WebInterface.page("Cisco IP Phone " + s.model(), "<table>\n" + row("MAC Address", s.mac()) + row("Host Name", "SEP" + s.mac())
                + row("App Load ID", s.app() == null ? "" : s.app())
                + row("Protocol", s.protocol().toUpperCase(Locale.ROOT)) + row("Version", s.version())
                + row("Status", s.state()) + row("Message", s.display() == null ? "" : s.display())
                + "</table>");
    }

    private static String row(String k, String v) {
        return "<tr><td>" + k + "</td><td>" + v.replace("&", "&amp;").replace("<", "&lt;") + "</td></tr>\n";
    }
}
