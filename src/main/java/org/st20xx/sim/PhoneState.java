package org.st20xx.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A snapshot of one simulated phone, as {@code STATE_DIR/phone-N.json} holds it (docs/simulator.md
 * lists the fields). {@code protocol}, {@code version}, {@code app} and {@code dsp} are what runs
 * (for a bricked phone: what it failed to boot); {@code flashApp}/{@code flashDsp} are what is in
 * flash; {@code config} is the stored TelConf file, or for a Cisco phone the configuration file it
 * read at its last boot, or null. Cisco phones also give {@code display} (the error on their
 * screen, null when none), {@code lastRequests} (the files asked for since the last power-up, with
 * what went wrong) and {@code tftpServer}; these are null for ST20xx phones, and {@code dsp} is
 * null for Cisco phones (their images carry their own).
 */
@JsonPropertyOrder({"phone", "model", "protocol", "version", "app", "dsp", "config", "telnetEnabled", "bricked",
    "reboots", "state", "configValid", "configProtocol", "flashApp", "flashDsp", "brickReason", "lastCommand", "mac",
    "telnet", "http", "display", "lastRequests", "tftpServer"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhoneState(int phone, String model, String protocol, String version, String app, String dsp,
        String config, boolean telnetEnabled, boolean bricked, int reboots, String state, boolean configValid,
        String configProtocol, String flashApp, String flashDsp, String brickReason, String lastCommand, String mac,
        String telnet, String http, String display, java.util.List<String> lastRequests, String tftpServer) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code dir/phone-N.json}. */
    public static Path file(Path dir, int phone) {
        return dir.resolve("phone-" + phone + ".json");
    }

    /** Reads a state file (the simulator replaces it atomically, so a read never sees half of one). */
    public static PhoneState read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), PhoneState.class);
    }

    /** Writes {@code file} atomically: a temporary file beside it, then an atomic move over it. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public PhoneStatus status() {
        return PhoneStatus.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    }
}
