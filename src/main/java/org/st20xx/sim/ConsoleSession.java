package org.st20xx.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Optional;
import org.st20xx.credentials.Account;
import org.st20xx.sim.Flash.CleanStep;
import org.st20xx.sim.FirmwareImage.Rejected;

/**
 * One telnet session on a simulated phone: the login dialogue, then the commands
 * of seed 000 section 6 with the outputs and errors of, and the faults of
 * {@code --fault}. Runs on its own thread; a TFTP pull blocks only this session.
 */
final class ConsoleSession implements Runnable {
    static final int LOGIN_TRIES = 3;

    private final ThomsonPhone phone;
    private final Socket socket;
    private final long generation;

    ConsoleSession(ThomsonPhone phone, Socket socket, long generation) {
        this.phone = phone;
        this.socket = socket;
        this.generation = generation;
    }

    @Override
    public void run() {
        try {
            TelnetConnection conn = new TelnetConnection(socket);
            conn.start();
            Optional<String> user = login(conn);
            if (user.isEmpty()) {
                return;
            }
            String prompt = "[" + user.get() + "]# ";
            conn.print(prompt);
            for (String line = conn.readLine(false); line != null; line = conn.readLine(false)) {
                if (!execute(conn, line.strip())) {
                    return;
                }
                conn.print(prompt);
            }
        } catch (IOException e) {
            // the client went away, or the phone closed the connection
        } finally {
            // the session is off the phone's list before the client sees the connection close
            phone.sessionEnded(socket);
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    private Optional<String> login(TelnetConnection conn) throws IOException {
        int failures = 0;
        while (failures < LOGIN_TRIES) {
            conn.print("Login: ");
            String user = conn.readLine(false);
            if (user == null) {
                return Optional.empty();
            }
            if (user.isEmpty()) {
                continue;
            }
            conn.print("Password: ");
            String password = conn.readLine(true);
            if (password == null) {
                return Optional.empty();
            }
            Account account = phone.consoleAccount();
            if (account.user().equals(user) && account.password().reveal().equals(password)) {
                return Optional.of(user);
            }
            failures++;
            conn.println("Login incorrect");
        }
        conn.flush();
        return Optional.empty();
    }

    /** Runs one command line; false when the session ends. */
    private boolean execute(TelnetConnection conn, String line) throws IOException {
        if (line.isEmpty()) {
            return true;
        }
        String[] w = line.split("\\s+");
        Optional<FaultKind> fault = phone.typed(generation, line, w[0]);
        if (fault.isPresent()) {
            switch (fault.get()) {
                case DROP -> {
                    return false;
                }
                case HANG -> {
                    conn.drain();
                    return false;
                }
                case POWER_LOSS -> {
                    phone.powerLoss(generation, line, Fault.FLASH_COMMANDS.contains(w[0]));
                    return false;
                }
                case NO_RETURN -> {
                    if (isReboot(w)) {
                        return reboot(conn, w, true);
                    }
                    phone.freeze(generation);
                    return false;
                }
                case TFTP_FAIL -> {
                    // handled by the transfer below
                }
            }
        }
        boolean failTransfer = fault.filter(k -> k == FaultKind.TFTP_FAIL).isPresent();
        switch (w[0]) {
            case "tftp" -> {
                if (w.length != 3) {
                    return usage(conn, "tftp <server> <file>");
                }
                transfer(conn, w[1], w[2], false, failTransfer);
            }
            case "tftp2" -> {
                if (w.length != 4 || !w[1].equals("telcfg")) {
                    return usage(conn, "tftp2 telcfg <server> <file>");
                }
                transfer(conn, w[2], w[3], true, failTransfer);
            }
            case "sys" -> sys(conn, w);
            case "ffs" -> {
                if (w.length == 2 && w[1].equals("format")) {
                    clean(conn, CleanStep.FORMAT, "FFS: format done");
                } else if (w.length == 2 && w[1].equals("commit")) {
                    clean(conn, CleanStep.COMMIT, "FFS: commit done");
                } else {
                    return usage(conn, "ffs format | ffs commit");
                }
            }
            case "flash" -> {
                if (w.length != 3 || !w[1].equals("clean") || !w[2].equals("nmm")) {
                    return usage(conn, "flash clean nmm");
                }
                clean(conn, CleanStep.NMM, "Flash: nmm cleaned");
            }
            case "reboot" -> {
                if (!isReboot(w)) {
                    return usage(conn, "reboot [immediate]");
                }
                return reboot(conn, w, false);
            }
            case "exit" -> {
                if (w.length != 1) {
                    return usage(conn, "exit");
                }
                conn.flush();
                return false;
            }
            default -> conn.println("Error: unknown command '" + w[0] + "'");
        }
        return true;
    }

    private static boolean isReboot(String[] w) {
        return w[0].equals("reboot") && (w.length == 1 || (w.length == 2 && w[1].equals("immediate")));
    }

    private boolean reboot(TelnetConnection conn, String[] w, boolean noReturn) throws IOException {
        conn.println(w.length == 2 ? "Rebooting now..." : "Rebooting...");
        conn.flush();
        phone.reboot(generation, noReturn);
        return false;
    }

    private boolean usage(TelnetConnection conn, String synopsis) throws IOException {
        conn.println("Error: usage: " + synopsis);
        return true;
    }

    private void sys(TelnetConnection conn, String[] w) throws IOException {
        if (w.length == 2 && w[1].equals("info")) {
            for (String l : phone.info()) {
                conn.println(l);
            }
        } else if (w.length == 4 && w[1].equals("set") && w[2].equals("rel") && w[3].matches("\\d{1,3}")) {
            int rel = Integer.parseInt(w[3]);
            clean(conn, rel == 0 ? CleanStep.REL0 : CleanStep.OTHER, "rel = " + rel);
        } else {
            usage(conn, "sys info | sys set rel <n>");
        }
    }

    private void clean(TelnetConnection conn, CleanStep step, String done) throws IOException {
        phone.clean(generation, step);
        conn.println(done);
    }

    /** {@code tftp} (an image to flash) or {@code tftp2 telcfg} (a TelConf to store). */
    private void transfer(TelnetConnection conn, String server, String file, boolean telConf, boolean fail)
            throws IOException {
        Optional<InetAddress> parsed = TftpPull.ipv4(server);
        if (parsed.isEmpty()) {
            conn.println("Error: bad server address '" + server + "'");
            return;
        }
        InetAddress address = parsed.get();
        if (!address.isLoopbackAddress()) {
            conn.println("Error: server " + server + " is not on loopback (the simulator pulls only from 127.0.0.0/8)");
            return;
        }
        conn.println("TFTP: downloading " + file + " from " + server);
        conn.flush();
        if (!phone.beginFlash(generation)) {
            return;
        }
        try {
            SimConfig c = phone.config();
            TftpPull.Result r = fail ? new TftpPull.Result(null, "timeout", false)
                    : TftpPull.pull(phone.telnetAddress().getAddress(), address, c.tftpPort(), file, c.tftpTimeout(),
                            c.tftpRetries());
            if (!r.ok()) {
                conn.println(r.incomplete() ? "Error: download incomplete" : "Error: download failed (" + r.failure() + ")");
                return;
            }
            conn.println("TFTP: " + r.data().length + " bytes received");
            if (telConf) {
                FirmwareImage img = ImageCheck.config(phone.model(), file, r.data(), phone.runningProtocol());
                if (phone.storeConfig(generation, img)) {
                    conn.println("Config: " + file + " stored");
                }
            } else {
                FirmwareImage img = ImageCheck.firmware(phone.model(), file, r.data());
                if (phone.writeImage(generation, img)) {
                    conn.println("Flash: writing " + (img.kind() == ImageKind.DSP ? "DSP" : "application")
                            + " image... done");
                }
            }
        } catch (Rejected e) {
            conn.println("Error: " + (telConf ? "configuration" : "image") + " rejected (" + e.getMessage() + ")");
        } finally {
            phone.endFlash(generation);
        }
    }
}
