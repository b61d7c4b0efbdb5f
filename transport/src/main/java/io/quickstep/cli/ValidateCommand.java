package io.quickstep.cli;

import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quickstep validate}: AWS's ValidateStateMachineDefinition, offline. */
@Command(name = "validate",
        mixinStandardHelpOptions = true, versionProvider = QuickstepCli.Version.class, description = {
        "Checks a definition as AWS's ValidateStateMachineDefinition does.",
        "Prints each diagnostic as 'SEVERITY CODE at /json/pointer: message' (text that is not JSON: "
                + "INVALID_JSON_DESCRIPTION with its line and column), then OK when there is no ERROR. "
                + "Exits 1 on any ERROR, 2 when the file cannot be read.",
        "With --disassemble, a valid definition's compiled program follows OK."})
final class ValidateCommand implements Callable<Integer> {
    /** The state machine types AWS validates for. */
    enum MachineType { STANDARD, EXPRESS }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DEF", description = "The state machine definition (an ASL JSON file).")
    Path definition;

    @Option(names = "--type", paramLabel = "STANDARD|EXPRESS", defaultValue = "EXPRESS",
            description = "The state machine type to validate for (default: ${DEFAULT-VALUE}).")
    MachineType type;

    @Option(names = "--disassemble",
            description = "After OK, print the compiled instructions: one section per program "
                    + "(the machine, each Parallel branch and Map item processor), one line per instruction.")
    boolean disassemble;

    @Override
    public Integer call() throws BadInputException {
        String text = CliInputs.readText(definition);
        List<Diagnostic> diagnostics = StateMachine.validate(text, type.name());
        PrintWriter out = spec.commandLine().getOut();
        for (Diagnostic d : diagnostics) {
            out.println(d.severity() + " " + d.code() + (isPointer(d.location()) ? " at " + d.location() : "") + ": "
                    + (d.message() == null ? "" : d.message().strip().replaceAll("\\s+", " ")));
        }
        boolean invalid = diagnostics.stream().anyMatch(Diagnostic::isError);
        if (!invalid) {
            out.println("OK");
            if (disassemble) {
                listing(text).lines().forEach(out::println);
            }
        }
        return invalid ? 1 : 0;
    }

    /**
     * Whether a diagnostic's location is a JSON Pointer into the definition. Text that is not JSON is
     * located as AWS locates it, in its parser's words; the message says the line and column.
     */
    private static boolean isPointer(String location) {
        return location != null && (location.isEmpty() || location.startsWith("/"));
    }

    /** The definition compiled as validated for {@link #type}, which found no error. */
    private String listing(String text) {
        try {
            return StateMachine.disassemble(text, type.name());
        } catch (DefinitionException e) {
            throw new IllegalStateException("validated, then refused: " + e.getMessage(), e);
        }
    }
}
