package org.st20xx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.credentials.Account;
import org.st20xx.playbook.Playbook;

/**
 * Switches the phone's telnet server on through its web page (seed 000 s4; request shape in the
 * playbook, assumption A-15), with the web account. The password goes only into the
 * Authorization header; no message shows it.
 *
 * <p>One plain HTTP/1.1 exchange in the caller's thread ({@link HttpURLConnection}, no proxy, no
 * redirects). Not {@code java.net.http.HttpClient}: each client of that kind sets up the default
 * TLS context (the trust store is read on first use, under a lock), a selector thread and an
 * executor, and hands the exchange between threads; a batch switching telnet on for dozens of
 * phones at once then waited on that set-up (docs/benchmarks.md, "Batch").
 */
public final class TelnetEnabler {
    private TelnetEnabler() {
    }

    public static void enable(String host, int webPort, Playbook.WebAction action, Account account) {
        String url = "http://" + hostForUrl(host) + ":" + webPort + action.path();
        String token = Base64.getEncoder().encodeToString(
                (account.user() + ":" + account.password().reveal()).getBytes(StandardCharsets.UTF_8));
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, action.timeout().toMillis()));
        int status;
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
            c.setConnectTimeout(millis);
            c.setReadTimeout(millis);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestMethod(action.method());
            c.setRequestProperty("Authorization", "Basic " + token);
            if (action.method().equals("POST")) {
                byte[] body = action.body().getBytes(StandardCharsets.UTF_8);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            status = c.getResponseCode();
            discardBody(c, status);
        } catch (ConnectException e) {
            throw failed("no web server answers at " + url + " (is the address right? give --web-port if it is not 80)");
        } catch (SocketTimeoutException e) {
            throw failed(url + " did not answer within " + action.timeout().toSeconds() + "s");
        } catch (IOException e) {
            throw failed(url + ": " + e.getMessage());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new St20xxException(ExitStatus.INTERRUPTED, "interrupted while enabling telnet");
        }
        if (status == 401 || status == 403) {
            throw failed(url + " refused the web account " + account + " (HTTP " + status
                    + "); the web password is not the telnet one (seed 000 s4: default 784518)");
        }
        if (status >= 400) {
            throw failed(url + " answered HTTP " + status);
        }
    }

    private static void discardBody(HttpURLConnection c, int status) throws IOException {
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static St20xxException failed(String why) {
        return new St20xxException(ExitStatus.PHONE_FAILED, "step enable-telnet: " + why);
    }
}
