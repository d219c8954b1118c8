package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** telnet.html and the status page; telnet off means the port refuses connections. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebIT {
    static final String WEB = "administrator:784518";

    @TempDir
    Path tmp;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> get(TestLab lab, String path, String account) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(lab, path)).timeout(Duration.ofSeconds(20)).GET();
        if (account != null) {
            b.header("Authorization", basic(account));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(TestLab lab, String body, String account) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(lab, "/telnet.html")).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(account))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(TestLab lab, String path) {
        return URI.create("http://127.0.0.1:" + lab.http(1).getPort() + path);
    }

    private static String basic(String account) {
        return "Basic " + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8));
    }

    private TestLab labWithTelnetOff() throws IOException {
        return TestLab.start(tmp, "ST2030", "sip:2.67", b -> b.telnetEnabled(false));
    }

    @Test
    void telnetIsOffUntilTelnetHtmlSwitchesItOnAndTheSettingSurvivesReboots() throws Exception {
        try (TestLab lab = labWithTelnetOff()) {
            assertThat(lab.state(1).telnetEnabled()).isFalse();
            assertThat(TelnetTestClient.refused(lab.telnet(1))).isTrue();

            HttpResponse<String> form = get(lab, "/telnet.html", WEB);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("name=\"telnet\"", "name=\"apply\" value=\"Apply\"").doesNotContain("checked");

            HttpResponse<String> on = post(lab, "telnet=on&apply=Apply", WEB);
            assertThat(on.statusCode()).isEqualTo(200);
            assertThat(on.body()).contains("checked");
            assertThat(lab.state(1).telnetEnabled()).isTrue();
            try (TelnetTestClient c = lab.login(1)) {
                c.commandUntilClosed("reboot");
            }
            lab.awaitBoot(1, 1);
            try (TelnetTestClient c = lab.login(1)) {
                assertThat(c.command("sys info")).contains("Model: ST2030");
            }

            assertThat(post(lab, "apply=Apply", WEB).statusCode()).isEqualTo(200);
            assertThat(lab.state(1).telnetEnabled()).isFalse();
            assertThat(TelnetTestClient.refused(lab.telnet(1))).isTrue();
        }
    }

    @Test
    void wrongOrMissingWebPasswordIs401AndTheConsolePasswordIsNotTheWebOne() throws Exception {
        try (TestLab lab = labWithTelnetOff()) {
            HttpResponse<String> none = get(lab, "/telnet.html", null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(get(lab, "/telnet.html", "administrator:789234").statusCode()).isEqualTo(401);
            assertThat(post(lab, "telnet=on&apply=Apply", "administrator:789234").statusCode()).isEqualTo(401);
            assertThat(lab.state(1).telnetEnabled()).isFalse();
        }
    }

    @Test
    void formWithoutTheApplyButtonIsRefused() throws Exception {
        try (TestLab lab = labWithTelnetOff()) {
            assertThat(post(lab, "telnet=on", WEB).statusCode()).isEqualTo(400);
            assertThat(lab.state(1).telnetEnabled()).isFalse();
            assertThat(get(lab, "/nothing.html", WEB).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void statusPageSpeaksTheUserAgentsWording() throws Exception {
        try (TestLab lab = labWithTelnetOff()) {
            HttpResponse<String> page = get(lab, "/", WEB);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("THOMSON ST2030 hw5 fw2.67 00-14-7F-E1-00-01", "v2030_dsp_v310_r11.1.zz",
                    "<td>Protocol</td><td>SIP</td>");
        }
    }
}
