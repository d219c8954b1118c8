package org.st20xx.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * GNU time ({@code /usr/bin/time}) around a process: its own CPU time and peak RSS, as the kernel
 * counts them when the process ends (wait4's rusage), children included.
 */
final class GnuTime {
    static final Path COMMAND = Path.of("/usr/bin/time");
    /** The line written to the -o file: a marker, elapsed, user and system seconds, max RSS in KiB. */
    static final String MARKER = "st20xx-time";
    static final String FORMAT = MARKER + " %e %U %S %M";

    /** What GNU time reported about one process. */
    record Usage(double elapsedSeconds, double userSeconds, double systemSeconds, long maxRssKib) {
        double cpuSeconds() {
            return userSeconds + systemSeconds;
        }
    }

    private GnuTime() {
    }

    /** Why GNU time cannot be used here, if it cannot. */
    static Optional<String> problem() {
        if (!Files.isExecutable(COMMAND)) {
            return Optional.of(COMMAND + " (GNU time) is not installed; it measures the tool's CPU time and peak"
                    + " memory (Debian/Ubuntu: apt-get install time)");
        }
        return Optional.empty();
    }

    /** The command line that runs {@code command} under GNU time, writing the usage to {@code output}. */
    static List<String> wrap(List<String> command, Path output) {
        List<String> all = new ArrayList<>(List.of(COMMAND.toString(), "-f", FORMAT, "-o", output.toString()));
        all.addAll(command);
        return all;
    }

    /**
     * Reads the usage line from GNU time's output (which may start with "Command exited with
     * non-zero status N").
     */
    static Usage parse(String output) {
        for (String line : output.lines().toList()) {
            String[] w = line.strip().split("\\s+");
            if (w.length == 5 && w[0].equals(MARKER)) {
                try {
                    return new Usage(Double.parseDouble(w[1]), Double.parseDouble(w[2]), Double.parseDouble(w[3]),
                            Long.parseLong(w[4]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("GNU time wrote an unreadable line: " + line, e);
                }
            }
        }
        throw new IllegalArgumentException("GNU time wrote no usage line" + (output.isBlank() ? ""
                : ": " + output.strip().lines().findFirst().orElse("").toLowerCase(Locale.ROOT)));
    }
}
