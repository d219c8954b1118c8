package org.st20xx.cli;

/** Process entry point: everything else goes through {@link Cli}, which tests use too. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
