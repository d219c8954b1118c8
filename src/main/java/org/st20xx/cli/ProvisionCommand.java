package org.st20xx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.st20xx.cisco.MacAddress;
import org.st20xx.cisco.Provisioner;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Target;
import org.st20xx.report.ProvisionChecklist;
import org.st20xx.report.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "provision",
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Write into a TFTP root the files a Cisco 7940/7960 asks for to take the next safe hop.",
        description = {
            "Plans the safe hops (as 'st20xx plan' does, with the images in the TFTP",
            "root) and writes the files of the first hop, each naming its image:",
            "  OS79XX.TXT                  the image name and one line feed",
            "  SIPDefault.cnf, SIP<MAC>.cnf image_version (when a SIP phone reads them)",
            "  SEP<MAC>.cnf.xml            loadInformation (when an SCCP phone reads it)",
            "Then power-cycle the phone: it fetches the image, writes it to flash and",
            "reboots onto it. Once it runs that load, run provision again with --from",
            "set to it for the next hop; the output prints that command.",
            "",
            "Refuses, writing nothing, when an image file of any hop is missing, when",
            "it would overwrite a file st20xx did not write (its manifest is",
            ".st20xx-provision.json), or change a shared file written for another",
            "phone. With --force it sets the image in such files and keeps the rest",
            "(a SIPDefault.cnf a SIP 2.x phone reads is replaced whole: W210).",
            "MAC notations: 00:1a:2b:3c:4d:5e, 00-1A-2B-3C-4D-5E, 001A.2B3C.4D5E,",
            "001a2b3c4d5e.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx provision --model 7960 --mac 00:1a:2b:3c:4d:5e \\",
            "      --from sccp:8.0.4 --target sip:7.4 --tftp-root /srv/tftp",
            "  st20xx provision --model 7940 --mac 001A.2B3C.4D5E \\",
            "      --from sip:4.4 --target sccp:8.x --tftp-root /srv/tftp",
            "  st20xx lint --tftp-root /srv/tftp --mac 001A.2B3C.4D5E --from sip:4.4",
            "",
            "Exit codes: 0 written (or nothing to do); 2 bad input, no safe plan,",
            "            a missing image file, or a file it will not overwrite.",
        })
public final class ProvisionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Phone model: 7940 or 7960.")
    String model;

    @Option(names = "--mac", required = true, paramLabel = "MAC", description = "The phone's MAC address (any usual notation).")
    String mac;

    @Option(names = "--from", required = true, paramLabel = "PROTO:VER",
            description = "What the phone runs now, e.g. sip:4.4 or sccp:8.0.4 (Settings > Status > Firmware Versions).")
    String from;

    @Option(names = "--target", required = true, paramLabel = "PROTO[:VER]",
            description = "Where to go, e.g. sip:7.4, sccp:8.x or sccp (the newest in the TFTP root).")
    String target;

    @Option(names = "--tftp-root", required = true, paramLabel = "DIR", description = "The TFTP server's root directory.")
    Path tftpRoot;

    @Option(names = "--force", description = "Set the image in files st20xx did not write, or that another phone shares.")
    boolean force;

    @Mixin
    MatrixOption matrixOption;

    @Override
    public void run() {
        MacAddress phoneMac = MacAddress.parse(mac, "--mac");
        Matrix matrix = matrixOption.load();
        PhoneModel phone = matrix.requireModel(model);
        Provisioner.Result r = Provisioner.provision(new Provisioner.Request(matrix, phone, phoneMac,
                Loads.parse(from, "--from"), Target.parse(target, "--target"), tftpRoot, force));
        PrintWriter out = spec.commandLine().getOut();
        if (r.hop().isEmpty()) {
            out.println(phone.name() + " " + phoneMac + ": " + r.notes().get(0));
            out.flush();
            return;
        }
        Hop hop = r.plan().hops().get(0);
        int hops = r.plan().hops().size();
        out.println(phone.name() + " " + phoneMac + ": " + r.plan().from() + " -> " + r.plan().target() + " takes "
                + hops + (hops == 1 ? " hop" : " hops") + "; hop 1 of " + hops + ": " + hop.from() + " -> " + hop.to()
                + " (image " + r.hop().get().image() + ")");
        for (Provisioner.Change c : r.changes()) {
            out.printf("  %-8s %s%n", c.action().word(), c.file());
        }
        out.println("Now power-cycle the phone (unplug the power, or the Ethernet cable when it is powered inline)."
                + " It asks for:");
        StringBuilder sb = new StringBuilder();
        ProvisionChecklist.sequence(sb, r.sequence().orElseThrow(), "  ", hop.reboots());
        out.print(sb);
        if (hops > 1) {
            out.println("When Settings > Status > Firmware Versions shows " + r.hop().get().image()
                    + ", provision the next hop:");
            out.println("  st20xx provision --model " + phone.name() + " --mac " + phoneMac + " --from "
                    + ResultJson.load(hop.to()) + " --target " + ResultJson.load(r.plan().target()) + " --tftp-root "
                    + tftpRoot);
        } else {
            out.println("Done when Settings > Status > Firmware Versions shows " + r.hop().get().image() + ".");
        }
        r.notes().forEach(n -> out.println("note: " + n));
        out.flush();
    }
}
