package org.st20xx.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the batch's plain progress log ({@code [   1.2s] HOST:PORT text}, the text maybe
 * indented) for the time phones spend waiting on reboots: from "rebooting onto ..." (the console
 * has closed) to the next "phone runs ..." of the same phone (logged in again and identified).
 * The log has a resolution of 0.1 s, so a single wait is rough; the mean over many is not.
 */
final class ProgressLog {
    private static final Pattern LINE = Pattern.compile("^\\[\\s*(\\d+(?:\\.\\d+)?)s\\] (\\S+) (.*)$");

    /** @param reboots how many reboots the log shows; @param waitSeconds their waits added up */
    record RebootWaits(int reboots, double waitSeconds) {
        double meanSeconds() {
            return reboots == 0 ? 0 : waitSeconds / reboots;
        }
    }

    private ProgressLog() {
    }

    static RebootWaits rebootWaits(String log) {
        Map<String, Double> waitingSince = new HashMap<>();
        int reboots = 0;
        double total = 0;
        for (String line : log.lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            double at = Double.parseDouble(m.group(1));
            String phone = m.group(2);
            String text = m.group(3).strip();
            if (text.startsWith("rebooting onto ")) {
                waitingSince.put(phone, at);
            } else if (text.startsWith("phone runs ") && waitingSince.containsKey(phone)) {
                total += at - waitingSince.remove(phone);
                reboots++;
            }
        }
        return new RebootWaits(reboots, total);
    }
}
