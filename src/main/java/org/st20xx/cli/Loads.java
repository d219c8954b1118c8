package org.st20xx.cli;

import org.st20xx.St20xxException;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Version;

/** Parses {@code PROTO:VER} options such as {@code --from sip:2.67}. */
final class Loads {
    private Loads() {
    }

    static Load parse(String text, String option) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw St20xxException.usage(option + " '" + text + "': expected PROTOCOL:VERSION, e.g. sip:2.67 or mgcp:1.55");
        }
        String proto = t.substring(0, colon);
        String ver = t.substring(colon + 1);
        if (!proto.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw St20xxException.usage(option + " '" + text + "': '" + proto + "' is not a protocol name (sip, mgcp, sccp)");
        }
        if (!Version.isVersion(ver)) {
            throw St20xxException.usage(option + " '" + text + "': '" + ver + "' is not a version (e.g. 2.67 or 1.66.2)");
        }
        return new Load(proto, Version.parse(ver));
    }
}
