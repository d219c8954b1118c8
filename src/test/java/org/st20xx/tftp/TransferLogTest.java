package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TransferLogTest {
    private static final InetAddress PHONE = InetAddress.getLoopbackAddress();

    private static TftpRequest request(String name) {
        return new TftpRequest(new InetSocketAddress(PHONE, 1031), TftpRequest.Kind.READ, name, "octet", Map.of(),
                Instant.EPOCH);
    }

    private static Transfer transfer(String name, Outcome outcome, Path file) {
        return new Transfer(request(name), outcome, "", file, 10, 1, 0, Map.of(), Instant.EPOCH, Duration.ofMillis(3));
    }

    @Test
    void theRelativeNameLosesOnlyLeadingSlashes() {
        Map<String, String> names = Map.of("a.zz", "a.zz", "/a.zz", "a.zz", "///a.zz", "a.zz", "/", "", "", "",
                "/cisco/a.zz/", "cisco/a.zz/", "\\a.zz", "\\a.zz", "./a.zz", "./a.zz", " /a.zz", " /a.zz");
        names.forEach((requested, relative) -> {
            assertThat(request(requested).relativeName()).as(requested).isEqualTo(relative);
            assertThat(transfer(requested, Outcome.COMPLETE, null).relativeName()).isEqualTo(relative);
        });
    }

    @Test
    void findsATransferThatEndedBeforeTheWait() throws Exception {
        TransferLog log = new TransferLog();
        log.transferFinished(transfer("a.zz", Outcome.COMPLETE, null));
        assertThat(log.awaitTransfer(t -> t.fileName().equals("a.zz"), Duration.ZERO)).isPresent();
        assertThat(log.awaitTransfer(t -> t.fileName().equals("b.zz"), Duration.ZERO)).isEmpty();
    }

    @Test
    void wakesUpWhenAMatchingTransferArrives() throws Exception {
        TransferLog log = new TransferLog();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Transfer> waiter = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return log.awaitTransfer(t -> t.complete(), Duration.ofSeconds(5)).orElse(null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        log.transferFinished(transfer("x", Outcome.NOT_FOUND, null));
        log.transferFinished(transfer("y", Outcome.COMPLETE, null));
        assertThat(waiter.get(5, TimeUnit.SECONDS).fileName()).isEqualTo("y");
    }

    @Test
    void givesUpAtTheDeadline() throws Exception {
        TransferLog log = new TransferLog();
        long start = System.nanoTime();
        assertThat(log.awaitRequest(r -> true, Duration.ofMillis(100))).isEmpty();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void keepsOnlyTheLatestEvents() {
        TransferLog log = new TransferLog(2);
        log.requestReceived(request("1"));
        log.requestReceived(request("2"));
        log.requestReceived(request("3"));
        assertThat(log.requests()).extracting(TftpRequest::fileName).containsExactly("2", "3");
        assertThatThrownBy(() -> new TransferLog(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fetchedMatchesCompleteTransfersByRequestedOrResolvedName() throws Exception {
        Path file = Path.of("/srv/fw/v2030SG.zz");
        assertThat(TransferLog.fetched(PHONE, "v2030SG.zz")).accepts(
                transfer("v2030SG.zz", Outcome.COMPLETE, file),
                transfer("/v2030SG.zz", Outcome.COMPLETE, file),
                transfer("current.zz", Outcome.COMPLETE, file));
        assertThat(TransferLog.fetched(PHONE, "v2030SG.zz")).rejects(
                transfer("v2030SG.zz", Outcome.TIMEOUT, file),
                transfer("other.zz", Outcome.COMPLETE, Path.of("/srv/fw/other.zz")));
        assertThat(TransferLog.fetched(InetAddress.getByAddress(new byte[] {10, 0, 0, 7}), "v2030SG.zz"))
                .rejects(transfer("v2030SG.zz", Outcome.COMPLETE, file));
    }

    @Test
    void summaryIsOneLineWithOptionsAndDetail() {
        Transfer t = new Transfer(request("F.zz"), Outcome.NOT_FOUND, "no such file", null, 0, 0, 0,
                Map.of("blksize", "1468"), Instant.EPOCH, Duration.ofMillis(2));
        assertThat(t.summary()).isEqualTo("127.0.0.1:1031 NOT_FOUND \"F.zz\" 0 bytes 0 blocks 0 retries 2 ms"
                + " [blksize=1468]: no such file");
    }

    @Test
    void summaryEscapesWhatAClientCouldUseToForgeALogLine() {
        Transfer t = new Transfer(request("x\" 0 bytes\n127.0.0.1:1 COMPLETE \"fw\\\u001b[2J"), Outcome.ACCESS_DENIED,
                "mode 'a\rb'", null, 0, 0, 0, Map.of(), Instant.EPOCH, Duration.ZERO);
        assertThat(t.summary()).hasLineCount(1).isEqualTo("127.0.0.1:1031 ACCESS_DENIED"
                + " \"x\\\" 0 bytes\\x0a127.0.0.1:1 COMPLETE \\\"fw\\\\\\x1b[2J\" 0 bytes 0 blocks 0 retries 0 ms: mode 'a\\x0db'");
    }
}
