package org.st20xx.convert;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
 */
public final class TelnetEnabler {
    private TelnetEnabler() {
    }

    public static void enable(String host, int webPort, Playbook.WebAction action, Account account) {
        String url = "http://" + hostForUrl(host) + ":" + webPort + action.path();
        String token = Base64.getEncoder().encodeToString(
                (account.user() + ":" + account.password().reveal()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(action.timeout())
                .header("Authorization", "Basic " + token);
        if (action.method().equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(action.body()));
        } else {
            request.GET();
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(action.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            throw failed("no web server answers at " + url + " (is the address right? give --web-port if it is not 80)");
        } catch (HttpTimeoutException e) {
            throw failed(url + " did not answer within " + action.timeout().toSeconds() + "s");
        } catch (IOException e) {
            throw failed(url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static St20xxException failed(String why) {
        return new St20xxException(ExitStatus.PHONE_FAILED, "step enable-telnet: " + why);
    }
}
