package org.st20xx.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import picocli.CommandLine;

/**
 * The one factory for the command line: the process entry point and the tests build it the same
 * way, each with its own writers.
 */
public final class Cli {
    private Cli() {
    }

    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return newCommandLine(out, err).execute(args);
    }

    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new St20xxCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Cli::handleExecutionException);
        cl.setParameterExceptionHandler(Cli::handleParameterException);
        cl.setExitCodeExceptionMapper(Cli::exitCodeOf);
        return cl;
    }

    static int exitCodeOf(Throwable t) {
        if (t instanceof St20xxException se) {
            return se.status().code();
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitStatus.USAGE.code();
        }
        return ExitStatus.PHONE_FAILED.code();
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = GlobalOptions.debugRequested(parsed);
        Throwable shown = ex;
        if (ex instanceof St20xxException se) {
            for (String line : se.getMessage().split("\n")) {
                err.println("error: " + line);
            }
            Throwable cause = se.getCause();
            if (cause != null && cause.getMessage() != null && !se.getMessage().contains(cause.getMessage())) {
                err.println("  cause: " + oneLine(cause.getMessage()));
            }
        } else if (ex instanceof CommandLine.ParameterException pe) {
            err.println("error: " + pe.getMessage());
        } else {
            err.println("error: internal error: " + ex + (debug ? "" : " (run again with --debug for the stack trace)"));
        }
        if (debug) {
            shown.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(ex);
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println("error: " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        if (GlobalOptions.debugRequested(args)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitStatus.USAGE.code();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
