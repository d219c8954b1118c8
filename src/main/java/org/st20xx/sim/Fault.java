package org.st20xx.sim;

import java.util.List;
import java.util.Objects;
import org.st20xx.St20xxException;

/**
 * {@code --fault PHONE:KIND:COMMAND[:N]}: on phone {@code phone} (0 = every phone, written
 * {@code *}), the {@code occurrence}-th time (default: the first) a console command whose first
 * word is {@code command} is typed, {@code kind} happens instead of (or, for {@code no-return} on a
 * reboot, after) the command. Each fault fires once per phone. {@code :N} picks e.g. the second
 * {@code tftp} of a hop (the DSP download).
 */
public record Fault(int phone, FaultKind kind, String command, int occurrence) {
    /** The first words of the console commands (seed 000 s6, plus {@code sys info} and {@code exit}). */
    public static final List<String> COMMANDS = List.of("tftp", "tftp2", "sys", "ffs", "flash", "reboot", "exit");
    /** The commands that write flash: power lost during one bricks the phone. */
    public static final List<String> FLASH_COMMANDS = List.of("tftp", "tftp2", "ffs", "flash");

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(command, "command");
        if (phone < 0) {
            throw new IllegalArgumentException("phone must be 0 (every phone) or a phone number");
        }
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence counts from 1");
        }
    }

    /** A fault on the first time {@code command} is typed. */
    public Fault(int phone, FaultKind kind, String command) {
        this(phone, kind, command, 1);
    }

    public boolean appliesTo(int phoneNumber) {
        return phone == 0 || phone == phoneNumber;
    }

    /** Parses {@code PHONE:KIND:COMMAND[:N]}; a bad spec is a usage error naming {@code --fault}. */
    public static Fault parse(String spec, int count) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3 && parts.length != 4) {
            throw bad(spec, "expected PHONE:KIND:COMMAND[:N], e.g. 1:power-loss:ffs, *:drop:tftp or 1:tftp-fail:tftp:2");
        }
        int occurrence = 1;
        if (parts.length == 4) {
            if (!parts[3].matches("[1-9]\\d{0,3}")) {
                throw bad(spec, "N (which time the command is typed) must be a number from 1");
            }
            occurrence = Integer.parseInt(parts[3]);
        }
        int phone;
        if (parts[0].equals("*")) {
            phone = 0;
        } else if (parts[0].matches("\\d{1,6}") && Integer.parseInt(parts[0]) >= 1 && Integer.parseInt(parts[0]) <= count) {
            phone = Integer.parseInt(parts[0]);
        } else {
            throw bad(spec, "PHONE must be * or a phone number from 1 to " + count);
        }
        FaultKind kind = FaultKind.ofWord(parts[1])
                .orElseThrow(() -> bad(spec, "KIND must be one of " + FaultKind.words()));
        String command = parts[2];
        if (!COMMANDS.contains(command)) {
            throw bad(spec, "COMMAND must be the first word of a console command: " + String.join(", ", COMMANDS));
        }
        if (!kind.canHit(command)) {
            throw bad(spec, "tftp-fail needs a transfer command (tftp or tftp2)");
        }
        return new Fault(phone, kind, command, occurrence);
    }

    private static St20xxException bad(String spec, String why) {
        return St20xxException.usage("--fault '" + spec + "': " + why);
    }

    @Override
    public String toString() {
        return (phone == 0 ? "*" : Integer.toString(phone)) + ":" + kind.word() + ":" + command
                + (occurrence == 1 ? "" : ":" + occurrence);
    }
}
