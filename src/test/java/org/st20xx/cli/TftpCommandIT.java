package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/st20xx.jar tftp} as a process: start line, one line per transfer, SIGTERM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TftpCommandIT {
    private static final Pattern READY = Pattern.compile("tftp: serving (.+) on 127\\.0\\.0\\.1:(\\d+) \\(read-only; Ctrl-C to stop\\)");

    @TempDir
    Path dir;

    private static String nextLine(BlockingQueue<String> lines, String what) throws InterruptedException {
        String line = lines.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("a line for %s within 20 s", what).isNotNull();
        return line;
    }

    @Test
    void servesUntilSigtermAndPrintsOneLinePerTransfer() throws Exception {
        Path jar = Path.of("target", "st20xx.jar");
        assertThat(jar).as("the shaded jar, built by 'package' before the integration tests").exists();
        Path root = Files.createDirectory(dir.resolve("fw"));
        byte[] content = new byte[3000];
        new java.util.Random(3).nextBytes(content);
        Files.write(root.resolve("f.zz"), content);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "tftp", "--root", root.toString(),
                "--bind", "127.0.0.1", "--port", "0").redirectError(dir.resolve("stderr.txt").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        });
        reader.start();
        try {
            Matcher ready = READY.matcher(nextLine(lines, "the start line"));
            assertThat(ready.matches()).as(ready.toString()).isTrue();
            assertThat(ready.group(1)).isEqualTo(root.toRealPath().toString());
            int port = Integer.parseInt(ready.group(2));

            assertThat(fetch("f.zz", port)).isEqualTo(content);
            assertThat(nextLine(lines, "the transfer")).matches(
                    "127\\.0\\.0\\.1:\\d+ COMPLETE \"f\\.zz\" 3000 bytes 6 blocks 0 retries \\d+ ms");
            assertThat(fetch("F.ZZ", port)).isNull();
            assertThat(nextLine(lines, "the refusal")).contains("NOT_FOUND \"F.ZZ\"").contains("'f.zz' exists");
        } finally {
            process.destroy(); // SIGTERM; also closes our ends of its pipes
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits on SIGTERM").isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("Exception");
        reader.join(Duration.ofSeconds(10).toMillis());
    }

    /** The file's bytes, or null when the server answered with an error. */
    private static byte[] fetch(String name, int port) throws IOException {
        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(Duration.ofSeconds(5));
        client.open(0, InetAddress.getLoopbackAddress());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.receiveFile(name, TFTP.BINARY_MODE, out, InetAddress.getLoopbackAddress(), port);
            return out.toByteArray();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Error code")) {
                return null;
            }
            throw e;
        } finally {
            client.close();
        }
    }
}
