package io.quickstep.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code quickstep} command: runs, validates and tests Amazon States Language workflows. */
@Command(name = "quickstep",
        description = "Runs, validates, tests and draws AWS Step Functions (Amazon States Language) workflows.",
        subcommands = {RunCommand.class, ValidateCommand.class, TestCommand.class, ServeCommand.class, LogsCommand.class,
                GraphCommand.class,
                CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class},
        versionProvider = QuickstepCli.Version.class, mixinStandardHelpOptions = true,
        footerHeading = "%nExit status:%n",
        footer = {"  0  done: the execution succeeded, the definition is valid, every case passed",
                "  1  done, and the answer is no: the execution failed, timed out or was aborted; the",
                "     definition has errors; a case failed (a case file that cannot be read is one);",
                "     logs found no event to print",
                "  2  not done, the input is wrong: options, a missing or unreadable file, malformed JSON,",
                "     a definition that run cannot compile or graph cannot draw, a mocks file that does not",
                "     fit the definition or the execution, events that are not an execution's, test paths",
                "     or an --only that select no case",
                "  3  internal error",
                "",
                "The launcher also runs the load tester: ./quickstep loadtest --help"})
public final class QuickstepCli implements Runnable {
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_INTERNAL_ERROR = 3;

    @Spec
    CommandSpec spec;

    /** The version of the jar the command runs from (its manifest), or "development" from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = QuickstepCli.class.getPackage().getImplementationVersion();
            return new String[] {"quickstep " + (version == null ? "development build" : version)};
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Quickstep's handling of errors: one line on stderr, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new QuickstepCli())
                .setExecutionExceptionHandler(QuickstepCli::handle)
                .setCaseInsensitiveEnumValuesAllowed(true)
                // --input @FILE names a file for the command to read, not an argument file for picocli.
                .setExpandAtFiles(false);
        // picocli's own: prints a bash/zsh completion script (source <(./quickstep generate-completion)).
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command: run, validate, test, serve, logs or graph");
    }

    private static int handle(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof BadInputException) {
            command.getErr().println("quickstep: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        command.getErr().println(("quickstep: internal error: " + e + where).replaceAll("\\s+", " "));
        return EXIT_INTERNAL_ERROR;
    }
}
