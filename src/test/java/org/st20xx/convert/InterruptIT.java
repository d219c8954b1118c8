package org.st20xx.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.ExitStatus;
import org.st20xx.console.SecretMasker;
import org.st20xx.console.Transcript;
import org.st20xx.plan.Target;
import org.st20xx.sim.PhoneState;

/** Ctrl-C: the first stops at a safe point (a flash phase first boots its new pair), the second at once. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterruptIT {
    @TempDir
    Path dir;

    private static Converter.Request request(SimBench sb, Bench bench, boolean flashDspUnknown) {
        String[] hp = sb.ip(1).split(":");
        return new Converter.Request(hp[0], Integer.parseInt(hp[1]), Optional.empty(), Optional.empty(),
                Target.parse("mgcp", "t"), false, bench.inventory(), "127.0.0.1", false, 80, flashDspUnknown);
    }

    private static ConversionResult run(SimBench sb, Bench bench, StopSignal stop, ConversionListener listener,
            boolean flashDspUnknown) {
        Converter c = new Converter(SimBench.MATRIX, bench.playbooks(), bench.credentials(),
                TelnetPhoneConsole.connector(Transcript.discarding(new SecretMasker())), bench.witness(), listener,
                Clock.systemUTC(), stop);
        Path journal = bench.phoneFolder("127.0.0.1", 1).resolve("journal.json");
        return c.convert(request(sb, bench, flashDspUnknown), Journal.start(journal, Clock.systemUTC(), sb.ip(1), "mgcp"));
    }

    private static Bench bench(SimBench sb) {
        Bench bench = new Bench(new Bench.Options(SimBench.MATRIX, Optional.empty(), Optional.of(sb.firmware),
                Optional.empty(), sb.tftpPort, Optional.empty(), sb.runs), Clock.systemUTC());
        bench.serve(List.of("127.0.0.1"));
        return bench;
    }

    @Test
    void firstCtrlCInAFlashPhaseFinishesItThroughTheRebootThenStops() throws Exception {
        try (SimBench sb = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> { }); Bench bench = bench(sb)) {
            StopSignal stop = new StopSignal();
            ConversionResult r = run(sb, bench, stop, e -> {
                if (e instanceof ConversionEvent.StepStarted s && s.name().equals("pull_dsp")) {
                    stop.escalate();
                }
            }, false);
            assertThat(r.exit()).as(r.error().orElse("")).isEqualTo(ExitStatus.INTERRUPTED);
            assertThat(r.error().orElseThrow()).contains("stopped at a safe point").contains("hop 1/2")
                    .contains("is sound").contains("--resume");
            PhoneState s = sb.state(1);
            assertThat(s.version()).as("the flash phase ran on to the reboot onto the bridge").isEqualTo("1.66.2");
            assertThat(s.reboots()).isEqualTo(1);
            assertThat(s.bricked()).isFalse();

            ConversionResult resumed = run(sb, bench, new StopSignal(), ConversionListener.NONE, false);
            assertThat(resumed.status()).as(resumed.error().orElse("")).isEqualTo(ConversionResult.Status.converted);
            assertThat(sb.state(1).protocol()).isEqualTo("mgcp");
        }
    }

    @Test
    void secondCtrlCStopsAtOnceAndSaysWhatFlashMayHold() throws Exception {
        try (SimBench sb = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> { }); Bench bench = bench(sb)) {
            StopSignal stop = new StopSignal();
            ConversionResult r = run(sb, bench, stop, e -> {
                if (e instanceof ConversionEvent.StepStarted s && s.name().equals("pull_dsp")) {
                    stop.escalate();
                    stop.escalate();
                    Thread.currentThread().interrupt();
                }
            }, false);
            assertThat(r.exit()).as(r.error().orElse("")).isEqualTo(ExitStatus.INTERRUPTED);
            assertThat(r.error().orElseThrow()).contains("hop 1/2").contains("step pull_dsp")
                    .contains("Flash now holds v2030SG.081210.1.66.2.zz").contains("do not power-cycle");
            assertThat(sb.state(1).reboots()).isZero();
            assertThat(sb.state(1).bricked()).isFalse();
            Thread.interrupted();

            boolean dspMayBeStaged = Journal.dspMayBeStaged(Journal.read(bench.phoneFolder("127.0.0.1", 1)
                    .resolve("journal.json")).orElseThrow());
            assertThat(dspMayBeStaged).isTrue();
            ConversionResult resumed = run(sb, bench, new StopSignal(), ConversionListener.NONE, dspMayBeStaged);
            assertThat(resumed.status()).as(resumed.error().orElse("")).isEqualTo(ConversionResult.Status.converted);
            assertThat(sb.state(1).protocol()).isEqualTo("mgcp");
            assertThat(sb.state(1).bricked()).isFalse();
        }
    }
}
