package org.st20xx.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the machine a benchmark ran on, and the other load on it (Linux /proc). */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.runtime.version") + "; "
                + load();
    }

    /** The load average and the CPU pressure (share of time some runnable task waited for a core). */
    static String load() {
        String[] avg = read("/proc/loadavg").strip().split("\\s+");
        String pressure = read("/proc/pressure/cpu");
        String some = pressure.lines().filter(l -> l.startsWith("some ")).findFirst().map(l -> l.substring(5)).orElse("");
        return "load average " + (avg.length >= 3 ? avg[0] + " " + avg[1] + " " + avg[2] : "unknown")
                + (some.isBlank() ? "" : ", CPU pressure (some) " + some);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
