package io.quickstep.cli;

import io.quickstep.graph.ExecutionEvents;
import io.quickstep.graph.WorkflowDiagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code quickstep graph}: a definition's workflow diagram, optionally with an execution's path on it. */
@Command(name = "graph",
        mixinStandardHelpOptions = true, versionProvider = QuickstepCli.Version.class, description = {
        "Draws a definition's workflow diagram as the AWS console does: start and end, a node per state "
                + "with its type, Parallel branches and Map iterators inside their state, Choice rules and Catch "
                + "errors on their edges, Retry on its state, states that cannot be reached flagged.",
        "With --events, colours the path an execution took: succeeded, failed, caught, retried, in progress, "
                + "not reached, with counts. Writes to --out, or prints to standard output (SVG, DOT, Mermaid).",
        "Exits 0 when drawn, 2 when it cannot be: a missing file, malformed JSON, a definition with errors (as "
                + "validate prints them; unreachable states excepted), events that are not an execution's."})
final class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DEF", description = "The state machine definition (an ASL JSON file).")
    Path definition;

    @Option(names = "--format", paramLabel = "svg|png|dot|mermaid",
            description = "The output format (default: from --out's extension, else svg). PNG needs --out.")
    WorkflowDiagram.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (default: standard output).")
    Path out;

    @Option(names = "--events", paramLabel = "FILE",
            description = "An execution's events to draw: its CloudWatch Logs records as JSON lines (serve "
                    + "--log-dir, logs --json) or GetExecutionHistory's answer ({\"events\": [...]}).")
    Path events;

    @Option(names = "--execution", paramLabel = "ARN",
            description = "With --events: the execution whose records to draw, when the file holds several.")
    String execution;

    @Override
    public Integer call() throws BadInputException {
        WorkflowDiagram diagram = Diagrams.of(definition, CliInputs.readText(definition));
        if (events != null) {
            try {
                diagram = diagram.withEvents(ExecutionEvents.parse(CliInputs.readText(events), execution));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(events + ": " + e.getMessage());
            }
        } else if (execution != null) {
            throw new BadInputException("--execution " + execution + ": needs --events FILE");
        }
        Diagrams.write(diagram, format, out, spec.commandLine().getOut());
        return 0;
    }
}
