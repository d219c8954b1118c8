package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real server on 127.0.0.1, port 0, against commons-net's TFTPClient and a raw socket client. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TftpServerIT {
    /** Long enough that no test sees a resend it did not provoke, even on a loaded machine. */
    private static final Duration RESEND_AFTER = Duration.ofSeconds(2);
    /** For the tests that provoke resends: short, so they are quick. */
    private static final Duration QUICK_RESEND = Duration.ofMillis(300);
    private static final int RETRIES = 3;

    @TempDir
    Path dir;
    Path root;
    TftpServer server;
    TransferLog log;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectory(dir.resolve("root"));
        server = start(TftpServerConfig.loopback(root).withRetries(RETRIES, RESEND_AFTER));
    }

    private void restartWith(TftpServerConfig config) {
        server.close();
        server = start(config);
    }

    private TftpServer start(TftpServerConfig config) {
        TftpServer s = TftpServer.start(config);
        log = new TransferLog();
        s.addListener(log);
        return s;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private byte[] fetchWithCommonsNet(String name, int mode) throws IOException {
        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(Duration.ofSeconds(5));
        client.open(0, InetAddress.getLoopbackAddress());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.receiveFile(name, mode, out, InetAddress.getLoopbackAddress(), server.address().getPort());
            return out.toByteArray();
        } finally {
            client.close();
        }
    }

    private RawClient raw() throws IOException {
        return new RawClient(server.address());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 512, 513, 1024, 70_000})
    void servesFilesOfBoundarySizesByteForByte(int size) throws Exception {
        byte[] content = Fixtures.bytes(size, size);
        Fixtures.write(root, "f.bin", content);

        assertThat(fetchWithCommonsNet("f.bin", TFTP.BINARY_MODE)).isEqualTo(content);

        Transfer t = Fixtures.awaitTransfer(log, "f.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.bytes()).isEqualTo(size);
        assertThat(t.blocks()).isEqualTo(size / 512 + 1);
        assertThat(t.retries()).isZero();
        assertThat(t.file()).isEqualTo(root.toRealPath().resolve("f.bin"));
        assertThat(t.options()).isEmpty();
        assertThat(t.client().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void blockNumbersWrapToZeroPastBlock65535() throws Exception {
        Path big = Fixtures.writeLarge(root, "big.bin", Fixtures.ROLLOVER_SIZE);

        byte[] received = fetchWithCommonsNet("big.bin", TFTP.BINARY_MODE);

        assertThat(received).hasSize((int) Fixtures.ROLLOVER_SIZE).isEqualTo(Files.readAllBytes(big));
        Transfer t = Fixtures.awaitTransfer(log, "big.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.blocks()).isEqualTo(65537);
        assertThat(t.bytes()).isEqualTo(Fixtures.ROLLOVER_SIZE);
    }

    @Test
    void netasciiSendsCrLfForLfAndCrNulForCr() throws Exception {
        byte[] text = "line1\nline2\rraw\r\nend".getBytes(StandardCharsets.US_ASCII);
        Fixtures.write(root, "cfg.txt", text);

        try (RawClient client = raw()) {
            byte[] wire = client.fetch("cfg.txt", "netascii", 8, 1, "tsize", "0");
            assertThat(new String(wire, StandardCharsets.US_ASCII)).isEqualTo("line1\r\nline2\r\0raw\r\0\r\nend");
        }
        Transfer t = Fixtures.awaitTransfer(log, "cfg.txt");
        assertThat(t.options()).containsEntry("tsize", Integer.toString(text.length + 4));
        assertThat(t.bytes()).isEqualTo(text.length + 4);
        assertThat(t.blocks()).as("24 bytes in blocks of 8 end with an empty block").isEqualTo(4);
    }

    @Test
    void netasciiRoundTripsThroughCommonsNet() throws Exception {
        // commons-net turns CR LF back into LF but leaves CR NUL alone, so no bare CR here
        byte[] text = "[sip]\nregistrar=10.0.0.1\n\nend\n".getBytes(StandardCharsets.US_ASCII);
        Fixtures.write(root, "TelConf2030SG_v1.66.2.txt", text);

        assertThat(fetchWithCommonsNet("TelConf2030SG_v1.66.2.txt", TFTP.ASCII_MODE)).isEqualTo(text);
        assertThat(Fixtures.awaitTransfer(log, "TelConf2030SG_v1.66.2.txt").request().mode()).isEqualTo("netascii");
    }

    @Test
    void leadingSlashIsTheRoot() throws Exception {
        byte[] content = Fixtures.bytes(1000, 1);
        Fixtures.write(root, "sub/f.bin", content);

        assertThat(fetchWithCommonsNet("/sub/f.bin", TFTP.BINARY_MODE)).isEqualTo(content);
        assertThat(fetchWithCommonsNet("//sub\\f.bin", TFTP.BINARY_MODE)).isEqualTo(content);
        assertThat(Fixtures.awaitTransfer(log, "/sub/f.bin").outcome()).isEqualTo(Outcome.COMPLETE);
    }

    @Test
    void traversalAndAbsolutePathsGetAnErrorAndNoContent() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("out.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("null"), Path.of("/dev/null"));
        Map<String, Outcome> attempts = Map.of(
                "../secret.txt", Outcome.ACCESS_DENIED,
                "a/../../secret.txt", Outcome.ACCESS_DENIED,
                "..\\secret.txt", Outcome.ACCESS_DENIED,
                "out.txt", Outcome.ACCESS_DENIED,
                "null", Outcome.ACCESS_DENIED,
                "/etc/passwd", Outcome.NOT_FOUND,
                dir.resolve("secret.txt").toString(), Outcome.NOT_FOUND);

        for (Map.Entry<String, Outcome> attempt : attempts.entrySet()) {
            try (RawClient client = raw()) {
                client.request(attempt.getKey(), "octet");
                RawClient.Packet reply = client.receive();
                assertThat(reply.isError()).as("reply to %s: %s", attempt.getKey(), reply).isTrue();
                assertThat(reply.errorCode()).isEqualTo(attempt.getValue() == Outcome.NOT_FOUND ? 1 : 2);
            }
            Transfer t = Fixtures.awaitTransfer(log, attempt.getKey());
            assertThat(t.outcome()).as(attempt.getKey()).isEqualTo(attempt.getValue());
            assertThat(t.file()).isNull();
            assertThat(t.bytes()).isZero();
        }
        assertThat(Fixtures.awaitTransfer(log, "out.txt").detail()).contains("symbolic link leads outside the root");
    }

    @Test
    void directoriesFifosAndOverlongNamesAreRefused() throws Exception {
        Files.createDirectory(root.resolve("sub"));
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        String longName = "x".repeat(Jail.MAX_NAME_LENGTH + 1);

        for (String name : List.of("sub", "pipe", longName, "/", "")) {
            try (RawClient client = raw()) {
                client.request(name, "octet");
                assertThat(client.receive().errorCode()).as(name).isEqualTo(2);
            }
            assertThat(Fixtures.awaitTransfer(log, name).outcome()).as(name).isEqualTo(Outcome.ACCESS_DENIED);
        }
        assertThat(Fixtures.awaitTransfer(log, "pipe").detail()).contains("not a regular file");
    }

    @Test
    void missingFileIsError1AndTheLogNamesACaseOnlyMatch() throws Exception {
        Fixtures.write(root, "SEP001122334455.cnf.xml", new byte[10]);

        assertThatThrownBy(() -> fetchWithCommonsNet("SEP001122334455.CNF.XML", TFTP.BINARY_MODE))
                .isInstanceOf(IOException.class).hasMessageContaining("Error code 1").hasMessageContaining("File not found");

        Transfer t = Fixtures.awaitTransfer(log, "SEP001122334455.CNF.XML");
        assertThat(t.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(t.detail()).contains("'SEP001122334455.cnf.xml' exists");
    }

    @Test
    void writeRequestsAreRefusedWithAccessViolation() throws Exception {
        try (RawClient client = raw()) {
            client.send(RawClient.wrq("upload.bin", "octet"));
            RawClient.Packet reply = client.receive();
            assertThat(reply.errorCode()).isEqualTo(2);
        }
        Transfer t = Fixtures.awaitTransfer(log, "upload.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.ACCESS_DENIED);
        assertThat(t.request().kind()).isEqualTo(TftpRequest.Kind.WRITE);
        assertThat(root.resolve("upload.bin")).doesNotExist();
    }

    @Test
    void negotiatesBlksizeTsizeTimeoutAndWindowsize() throws Exception {
        byte[] content = Fixtures.bytes(100_000, 7);
        Fixtures.write(root, "f.bin", content);

        try (RawClient client = raw()) {
            client.request("f.bin", "octet", "BLKSIZE", "1024", "tsize", "0", "timeout", "2", "windowsize", "4",
                    "multicast", "");
            RawClient.Packet oack = client.receive();
            assertThat(oack.opcode()).isEqualTo(Packets.OACK);
            assertThat(oack.options()).containsExactly(Map.entry("blksize", "1024"), Map.entry("tsize", "100000"),
                    Map.entry("timeout", "2"), Map.entry("windowsize", "4"));
            client.sendTo(client.tid(), RawClient.error(0, "only looking"));
        }
        assertThat(Fixtures.awaitTransfer(log, "f.bin").outcome()).isEqualTo(Outcome.CLIENT_ERROR);

        try (RawClient client = raw()) {
            assertThat(client.fetch("f.bin", "octet", 70_000, 100)).isEqualTo(content);
        }
        Transfer big = Fixtures.awaitTransfer(log, t -> t.fileName().equals("f.bin") && t.complete());
        assertThat(big.options()).containsEntry("blksize", "65464").containsEntry("windowsize", "64");
        assertThat(big.blocks()).isEqualTo(2);
    }

    @Test
    void windowedTransferGoesBackToTheBlockAfterAPartialAck() throws Exception {
        byte[] content = Fixtures.bytes(10 * 512 + 3, 9);
        Fixtures.write(root, "f.bin", content);

        try (RawClient client = raw()) {
            client.request("f.bin", "octet", "windowsize", "4");
            assertThat(client.receive().options()).containsEntry("windowsize", "4");
            client.ack(0);
            for (int b = 1; b <= 4; b++) {
                client.receiveData(b);
            }
            client.ack(2); // as if block 3 was lost: the server must go on from block 3
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(content, 0, 2 * 512);
            long block = 3;
            while (true) {
                RawClient.Packet p = client.receiveData(block);
                out.write(p.data());
                if (p.data().length < 512 || (block - 2) % 4 == 0) {
                    client.ack(block);
                }
                if (p.data().length < 512) {
                    break;
                }
                block++;
            }
            assertThat(out.toByteArray()).isEqualTo(content);
        }
        Transfer t = Fixtures.awaitTransfer(log, "f.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.retries()).as("a partial ACK is not a timeout").isZero();
    }

    @Test
    void badOptionValuesGetError8() throws Exception {
        Fixtures.write(root, "f.bin", new byte[10]);
        List<String[]> bad = List.of(new String[] {"blksize", "abc"}, new String[] {"blksize", "7"},
                new String[] {"timeout", "0"}, new String[] {"timeout", "256"}, new String[] {"windowsize", "0"},
                new String[] {"tsize", "-1"}, new String[] {"blksize", "512", "BlkSize", "512"});
        for (String[] options : bad) {
            try (RawClient client = raw()) {
                client.request("f.bin", "octet", options);
                assertThat(client.receive().errorCode()).as(String.join(" ", options)).isEqualTo(8);
            }
        }
        assertThat(Fixtures.awaitCount(log, bad.size())).hasSize(bad.size())
                .allMatch(t -> t.outcome() == Outcome.BAD_REQUEST);
    }

    @Test
    void malformedPacketsGetAnErrorOrAreDroppedWithoutHarmingATransferInFlight() throws Exception {
        byte[] content = Fixtures.bytes(5 * 512 + 17, 3);
        Fixtures.write(root, "f.bin", content);
        try (RawClient transfer = raw(); RawClient attacker = raw()) {
            transfer.request("f.bin", "octet");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(transfer.receiveData(1).data());

            byte[][] answeredWithError4 = {
                {}, {0}, {0, 9}, {0, 1, 'f', 0, 'o', 'c'}, {0, 1, 'f'}, {0, 1, 'f', 0, 'o', 'c', 't', 'e', 't', 0, 'x', 0},
                RawClient.ack16(1), {0, 3, 0, 1, 'x'}, {0, 6, 'a', 0},
            };
            for (byte[] packet : answeredWithError4) {
                attacker.send(packet);
                RawClient.Packet reply = attacker.receive();
                assertThat(reply.isError()).as("reply to %s", java.util.Arrays.toString(packet)).isTrue();
                assertThat(reply.errorCode()).isEqualTo(4);
            }
            // An error packet is never answered (no error loops): the next reply is the probe's.
            attacker.send(RawClient.error(0, "go away"));
            attacker.request("probe-missing", "octet");
            assertThat(attacker.receive().errorCode()).isEqualTo(1);
            // Junk on the transfer's own socket is dropped: the transfer carries on.
            transfer.sendTo(transfer.tid(), new byte[] {0, 4, 0});
            transfer.sendTo(transfer.tid(), new byte[] {0, 9, 0, 1});
            transfer.sendTo(transfer.tid(), RawClient.ack16(40));
            // A stranger on the transfer socket never reaches it.
            attacker.sendTo(transfer.tid(), RawClient.error(0, "stranger"));

            for (int block = 1; ; block++) {
                transfer.ack(block);
                RawClient.Packet p = transfer.receiveData(block + 1);
                out.write(p.data());
                if (p.data().length < 512) {
                    transfer.ack(block + 1);
                    break;
                }
            }
            assertThat(out.toByteArray()).isEqualTo(content);
        }
        Transfer t = Fixtures.awaitTransfer(log, "f.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.bytes()).isEqualTo(content.length);
    }

    @Test
    void resendsABlockWhoseAckWasLost() throws Exception {
        restartWith(TftpServerConfig.loopback(root).withRetries(RETRIES, QUICK_RESEND));
        byte[] content = Fixtures.bytes(600, 5);
        Fixtures.write(root, "f.bin", content);
        try (RawClient client = raw()) {
            client.request("f.bin", "octet");
            byte[] first = client.receiveData(1).data();
            // withhold the ACK: the server must send block 1 again after its timeout
            assertThat(client.receiveData(1).data()).isEqualTo(first);
            client.ack(1);
            RawClient.Packet next = client.receive();
            while (next.isData() && next.block() == 1) {
                next = client.receive(); // a further resend, had this thread stalled past the timeout
            }
            assertThat(next.block()).as("after ACK 1: %s", next).isEqualTo(2);
            assertThat(next.data()).hasSize(88);
            client.ack(2);
        }
        Transfer t = Fixtures.awaitTransfer(log, "f.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.retries()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void duplicateAcksNeverCauseDuplicateData() throws Exception {
        Fixtures.write(root, "f.bin", Fixtures.bytes(3 * 512 + 1, 2));
        try (RawClient client = raw()) {
            client.request("f.bin", "octet");
            client.receiveData(1);
            client.ack(1);
            client.ack(1);
            client.ack(1);
            client.receiveData(2);
            client.ack(2);
            // had a duplicate ACK 1 been answered, a second DATA 2 would be queued before DATA 3
            client.receiveData(3);
            client.ack(3);
            client.ack(2);
            client.receiveData(4);
            client.ack(4);
        }
        Transfer t = Fixtures.awaitTransfer(log, "f.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.retries()).isZero();
    }

    @Test
    void givesUpAfterTheRetriesWithTimeout() throws Exception {
        restartWith(TftpServerConfig.loopback(root).withRetries(RETRIES, QUICK_RESEND));
        Fixtures.write(root, "f.bin", new byte[100]);
        try (RawClient client = raw()) {
            client.request("f.bin", "octet");
            for (int i = 0; i <= RETRIES; i++) {
                client.receiveData(1);
            }
            RawClient.Packet last = client.receive();
            assertThat(last.isError()).as("after the last retry: %s", last).isTrue();
        }
        Transfer t = Fixtures.awaitTransfer(log, "f.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(t.retries()).isEqualTo(RETRIES);
        assertThat(t.bytes()).isZero();
    }

    @Test
    void clientErrorEndsTheTransfer() throws Exception {
        Fixtures.write(root, "f.bin", new byte[2000]);
        try (RawClient client = raw()) {
            client.request("f.bin", "octet", "blksize", "1024");
            client.receive();
            client.sendTo(client.tid(), RawClient.error(8, "no options please"));
        }
        Transfer t = Fixtures.awaitTransfer(log, "f.bin");
        assertThat(t.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(t.detail()).contains("error 8").contains("no options please");
    }

    @Test
    void aRepeatedRequestIsNotServedTwice() throws Exception {
        Fixtures.write(root, "f.bin", new byte[100]);
        try (RawClient client = raw()) {
            client.request("f.bin", "octet");
            client.request("f.bin", "octet");
            client.receiveData(1);
            client.ack(1);
            client.request("probe-missing", "octet");
            RawClient.Packet next = client.receive();
            assertThat(next.errorCode()).as("next packet after the transfer: %s", next).isEqualTo(1);
        }
        Fixtures.awaitTransfer(log, "probe-missing");
        assertThat(log.requests()).extracting(TftpRequest::fileName).containsExactly("f.bin", "probe-missing");
    }

    @Test
    void refusesWithServerBusyBeyondTheCap() throws Exception {
        restartWith(TftpServerConfig.loopback(root).withMaxTransfers(1).withRetries(RETRIES, RESEND_AFTER));
        Fixtures.write(root, "f.bin", new byte[600]);
        InetSocketAddress refused;
        try (RawClient first = raw(); RawClient second = raw()) {
            refused = second.localAddress();
            first.request("f.bin", "octet");
            first.receiveData(1);
            second.request("f.bin", "octet");
            RawClient.Packet busy = second.receive();
            assertThat(busy.errorCode()).isZero();
            assertThat(busy.errorMessage()).containsIgnoringCase("busy");
            first.ack(1);
            first.receiveData(2);
            first.ack(2);
            Fixtures.awaitTransfer(log, t -> t.complete());
            second.request("f.bin", "octet");
            assertThat(second.receiveData(1).data()).hasSize(512);
        }
        assertThat(Fixtures.awaitTransfer(log, t -> t.outcome() == Outcome.BUSY).client()).isEqualTo(refused);
    }

    @Test
    void thirtyTwoConcurrentTransfersAllComplete() throws Exception {
        byte[] content = Fixtures.bytes(300_000, 32);
        Fixtures.write(root, "f.bin", content);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<byte[]>> fetches = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                fetches.add(pool.submit(() -> fetchWithCommonsNet("f.bin", TFTP.BINARY_MODE)));
            }
            for (Future<byte[]> f : fetches) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(content);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Fixtures.awaitCount(log, 32)).hasSize(32)
                .allMatch(Transfer::complete).allMatch(t -> t.bytes() == content.length);
    }

    @Test
    void aBlockedListenerDoesNotStallTransfers() throws Exception {
        byte[] content = Fixtures.bytes(5000, 11);
        Fixtures.write(root, "f.bin", content);
        CountDownLatch release = new CountDownLatch(1);
        server.addListener(t -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.addListener(t -> {
            throw new IllegalStateException("a broken listener");
        });

        assertThat(fetchWithCommonsNet("f.bin", TFTP.BINARY_MODE)).isEqualTo(content);
        assertThat(fetchWithCommonsNet("f.bin", TFTP.BINARY_MODE)).isEqualTo(content);

        release.countDown();
        assertThat(Fixtures.awaitCount(log, 2)).hasSize(2).allMatch(Transfer::complete);
    }

    @Test
    void requestEventsArriveBeforeTheirTransferEvents() throws Exception {
        Fixtures.write(root, "f.bin", new byte[100]);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        server.addListener(new TransferListener() {
            @Override
            public void requestReceived(TftpRequest request) {
                seen.add("request " + request.fileName() + " " + request.mode());
            }

            @Override
            public void transferFinished(Transfer transfer) {
                seen.add("finished " + transfer.fileName() + " " + transfer.outcome());
                finished.countDown();
            }
        });
        fetchWithCommonsNet("f.bin", TFTP.BINARY_MODE);
        assertThat(finished.await(Fixtures.EVENT_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("request f.bin octet", "finished f.bin COMPLETE");
        assertThat(log.awaitRequest(r -> r.fileName().equals("f.bin"), Duration.ZERO)).isPresent();
    }

    @Test
    void closeEndsRunningTransfersWithShutdown() throws Exception {
        Fixtures.write(root, "f.bin", new byte[5000]);
        try (RawClient client = raw()) {
            client.request("f.bin", "octet");
            client.receiveData(1);
            server.close();
            assertThat(client.receive().isError()).isTrue();
        }
        Transfer t = log.awaitTransfer(tr -> true, Duration.ZERO).orElseThrow();
        assertThat(t.outcome()).isEqualTo(Outcome.SHUTDOWN);
    }

    @Test
    void addressIsTheBoundLoopbackPort() {
        InetSocketAddress address = server.address();
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
        assertThat(address.getPort()).isPositive();
    }

    @Test
    void startFailsWithTftpExceptionOnAPortInUse(@TempDir Path other) {
        TftpServerConfig taken = TftpServerConfig.loopback(other).withBind(InetAddress.getLoopbackAddress(),
                server.address().getPort());
        assertThatThrownBy(() -> TftpServer.start(taken)).isInstanceOf(TftpException.class)
                .hasMessageContaining("cannot bind 127.0.0.1:" + server.address().getPort());
        assertThatThrownBy(() -> TftpServer.start(TftpServerConfig.loopback(other.resolve("missing"))))
                .isInstanceOf(TftpException.class).hasMessageContaining("not an existing directory");
    }
}
