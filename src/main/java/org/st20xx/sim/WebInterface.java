package org.st20xx.sim;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.st20xx.credentials.Account;

/**
 * A phone's web pages on the JDK's own {@code com.sun.net.httpserver.HttpServer}
 * (module jdk.httpserver; no extra dependency). Every page wants HTTP Basic authentication with
 * the web account:
 * <ul>
 *   <li>{@code GET /}: status page (model, hardware, protocol, firmware, DSP, MAC);</li>
 *   <li>{@code GET /telnet.html}: the form with the {@code telnet} checkbox and the Apply button;</li>
 *   <li>{@code POST /telnet.html} with {@code telnet=on&apply=Apply}: telnet on; without
 *       {@code telnet=on}: off. A body without {@code apply=Apply} is a 400.</li>
 * </ul>
 * Handlers run on the lab's shared executor, never on the server's dispatcher thread, so
 * stopping a server while the phone's lock is held cannot deadlock.
 */
final class WebInterface {
    private WebInterface() {
    }

    static HttpServer start(ThomsonPhone phone, ReservedPort port, Executor executor) throws IOException {
        HttpServer server = HttpServer.create(port.address(), 50);
        HttpContext ctx = server.createContext("/", ex -> handle(phone, ex));
        ctx.setAuthenticator(new BasicAuthenticator("THOMSON " + phone.model().name()) {
            @Override
            public boolean checkCredentials(String user, String password) {
                Account a = phone.webAccount();
                return a.user().equals(user) && a.password().reveal().equals(password);
            }
        });
        server.setExecutor(executor);
        server.start();
        return server;
    }

    private static void handle(ThomsonPhone phone, HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/") || path.equals("/index.html")) {
                if (!method.equals("GET")) {
                    send(ex, 405, "Method Not Allowed");
                } else {
                    send(ex, 200, statusPage(phone));
                }
            } else if (path.equals("/telnet.html")) {
                if (method.equals("GET")) {
                    send(ex, 200, telnetPage(phone, false));
                } else if (method.equals("POST")) {
                    Map<String, String> form = form(ex.getRequestBody());
                    if (!"Apply".equals(form.get("apply"))) {
                        send(ex, 400, "Bad Request");
                        return;
                    }
                    phone.setTelnetEnabled("on".equals(form.get("telnet")));
                    send(ex, 200, telnetPage(phone, true));
                } else {
                    send(ex, 405, "Method Not Allowed");
                }
            } else {
                send(ex, 404, "Not Found");
            }
        }
    }

    private static String statusPage(ThomsonPhone phone) {
        PhoneState s = phone.state();
        String title = "THOMSON " + s.model();
        return page(title, "<p id=\"useragent\">" + phone.userAgent() + "</p>\n<table>\n"
                + row("Model", s.model()) + row("Hardware", phone.hardware())
                + row("Protocol", s.protocol().toUpperCase(java.util.Locale.ROOT)) + row("Firmware", "fw" + s.version())
                + row("Application", s.app()) + row("DSP", s.dsp()) + row("Configuration", phone.configText())
                + row("MAC", s.mac()) + "</table>");
    }

    private static String telnetPage(ThomsonPhone phone, boolean applied) {
        return page("THOMSON " + phone.model().name() + " - Telnet",
                (applied ? "<p>Settings applied.</p>\n" : "")
                + "<form method=\"POST\" action=\"/telnet.html\">\n"
                + "<input type=\"checkbox\" name=\"telnet\" value=\"on\"" + (phone.telnetEnabled() ? " checked" : "")
                + "> Telnet Server\n<input type=\"submit\" name=\"apply\" value=\"Apply\">\n</form>");
    }

    private static String row(String k, String v) {
        return "<tr><td>" + k + "</td><td>" + (v == null ? "" : v) + "</td></tr>\n";
    }

    /** An HTML page with {@code title} as its title and heading. */
    static String page(String title, String body) {
        return "<html><head><title>" + title + "</title></head><body>\n<h1>" + title + "</h1>\n" + body
                + "\n</body></html>\n";
    }

    /** An {@code application/x-www-form-urlencoded} body (at most 4 KiB is read). */
    private static Map<String, String> form(InputStream body) throws IOException {
        String text = new String(body.readNBytes(4096), StandardCharsets.ISO_8859_1);
        Map<String, String> out = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the field is ignored
            }
        }
        return out;
    }

    /** Sends {@code text}: HTML for 200, else plain text ended by a newline. */
    static void send(HttpExchange ex, int code, String text) throws IOException {
        byte[] b = (code == 200 ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", code == 200 ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
