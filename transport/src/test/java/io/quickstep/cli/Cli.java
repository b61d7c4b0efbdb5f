package io.quickstep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in the test's process, as a user would from a shell. */
final class Cli {
    private Cli() {
    }

    /** What a command did: its exit status, and what it printed on stdout and stderr. */
    record Outcome(int exit, String out, String err) {
    }

    static Outcome quickstep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QuickstepCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Outcome(exit, out.toString().replace(System.lineSeparator(), "\n"), err.toString().replace(System.lineSeparator(), "\n"));
    }
}
