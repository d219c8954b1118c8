package org.st20xx.convert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.report.Json;

/**
 * The per-phone journal: where a conversion is, rewritten atomically after every verified step
 * and before every flash write (write-ahead), so that a run stopped by Ctrl-C, a crash or
 * {@code kill -9} can be resumed. Resuming never trusts it for what runs on the phone (that is
 * re-read from the phone); it tells what may be in flash that the phone does not run yet.
 */
public final class Journal {
    /** The journal's JSON form. Unknown fields are ignored so older st20xx can read newer journals. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class State {
        public String phone;
        public String target;
        /** running, converted, failed, interrupted */
        public String status = "running";
        public String started;
        public String updated;
        public int hop;
        public int hops;
        public String hopFrom;
        public String hopTo;
        public String phase;
        public String step;
        /** Files sent to flash (or about to be) since the phone last rebooted, as "kind:file". */
        public List<String> staged = new ArrayList<>();
        /** Verified steps, newest last, as "hop N phase step". */
        public List<String> verified = new ArrayList<>();
        public String lastIdentity;
        public String error;
    }

    /**
     * True when {@code state} shows a DSP sent to flash (or about to be) that no verified reboot
     * followed: the phone may then hold a DSP it does not run, so the next hop must write the DSP
     * again rather than keep "the one in flash".
     */
    public static boolean dspMayBeStaged(State state) {
        return !"converted".equals(state.status) && state.staged.stream().anyMatch(s -> s.startsWith("dsp:"));
    }

    private final Path file;
    private final Clock clock;
    private final State state;

    private Journal(Path file, Clock clock, State state) {
        this.file = file;
        this.clock = clock;
        this.state = state;
    }

    /** A new journal for a conversion of {@code phone} to {@code target}, replacing any old one. */
    public static Journal start(Path file, Clock clock, String phone, String target) {
        State s = new State();
        s.phone = phone;
        s.target = target;
        s.started = clock.instant().toString();
        Journal j = new Journal(file, clock, s);
        j.save();
        return j;
    }

    /** The journal at {@code file}, if there is one. A journal that cannot be read is an error, not ignored. */
    public static Optional<State> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), State.class));
        } catch (IOException e) {
            throw St20xxException.usage(file + ": cannot read the journal (" + e.getMessage().lines().findFirst().orElse("")
                    + "); move it away to start afresh");
        }
    }

    /** A journal that writes nothing (dry runs, tests). */
    public static Journal none(Clock clock) {
        return new Journal(null, clock, new State());
    }

    public void at(int hop, int hops, String from, String to, String phase, String step) {
        state.hop = hop;
        state.hops = hops;
        state.hopFrom = from;
        state.hopTo = to;
        state.phase = phase;
        state.step = step;
        save();
    }

    /** Write-ahead: a flash write of {@code file} is about to be asked for. */
    public void staging(String kind, String file) {
        state.staged.add(kind + ":" + file);
        save();
    }

    public void verified(String what) {
        state.verified.add(what);
        save();
    }

    /** The phone rebooted and runs what {@code identity} says: flash and running agree again. */
    public void rebooted(Identity identity) {
        state.staged.clear();
        state.lastIdentity = identity.toString();
        save();
    }

    public void identified(Identity identity) {
        state.lastIdentity = identity.toString();
        save();
    }

    public void finish(String status, String error) {
        state.status = status;
        state.error = error;
        save();
    }

    private void save() {
        state.updated = clock.instant().toString();
        if (file == null) {
            return;
        }
        try {
            Json.writeAtomically(file, state);
        } catch (IOException e) {
            throw new St20xxException(ExitStatus.PHONE_FAILED, "cannot write the journal " + file + ": " + e.getMessage()
                    + " (stopping: a conversion that cannot be resumed is not started or continued)");
        }
    }
}
