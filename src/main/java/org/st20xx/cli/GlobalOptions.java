package org.st20xx.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command accepts (mixed in with {@code @Mixin}). */
public class GlobalOptions {
    @Option(names = "--debug", description = "Print stack traces and diagnostic detail on errors.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    static boolean debugRequested(CommandLine.ParseResult parsed) {
        if (parsed == null) {
            return false;
        }
        return parsed.originalArgs().contains("--debug");
    }

    static boolean debugRequested(String[] args) {
        return args != null && Arrays.asList(args).contains("--debug");
    }
}
