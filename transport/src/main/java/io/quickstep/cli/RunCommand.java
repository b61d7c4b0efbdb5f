package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.graph.ExecutionEvents;
import io.quickstep.graph.WorkflowDiagram;
import io.quickstep.json.Json;
import io.quickstep.metrics.AwsPrices;
import io.quickstep.testing.Mocks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code quickstep run}: one execution, its result printed as JSON. */
@Command(name = "run",
        mixinStandardHelpOptions = true, versionProvider = QuickstepCli.Version.class, description = {"Runs one execution and prints its result as JSON.",
        "Exits 0 when it succeeded, 1 when it failed, timed out or was aborted, 2 when it could not run as "
                + "asked: a missing file, malformed JSON, an invalid definition, mocks that name no Task state "
                + "of it or that the execution did not use up."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DEF", description = "The state machine definition (an ASL JSON file).")
    Path definition;

    @Option(names = "--input", paramLabel = "JSON|@FILE", defaultValue = "{}",
            description = "The execution input: JSON text, or @ and a file holding it (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--mocks", paramLabel = "FILE",
            description = "Answers for Task states: a JSON object keyed by state name, each a list of "
                    + "{\"return\": V}, {\"throw\": {\"error\": E, \"cause\": C}} or {\"timeout\": true}, "
                    + "used in order. Every name must be a Task state of the definition, and every answer "
                    + "must be used. Without it a Task state has no handler and fails.")
    Path mocks;

    @Option(names = "--virtual-time",
            description = "Let Wait states and retry intervals pass at once instead of sleeping.")
    boolean virtualTime;

    @Option(names = "--history",
            description = "Print the execution's events first, one line each (time, type, state, summary), as "
                    + "quickstep logs prints them.")
    boolean history;

    @Option(names = "--cost",
            description = "Also print what the execution would cost on AWS, as Express and as Standard, at the list "
                    + "prices of --region.")
    boolean cost;

    @Mixin
    RegionOption region;

    @Option(names = "--graph", paramLabel = "FILE",
            description = "Also draw the workflow diagram with the path the execution took to FILE (as quickstep graph "
                    + "--events draws it; the format from its extension: .svg, .png, .dot, .mmd).")
    Path graph;

    @Override
    public Integer call() throws BadInputException, java.io.IOException {
        String text = CliInputs.readText(definition);
        JsonNode tree = CliInputs.parseJson(text, definition.toString());
        String executionInput = CliInputs.input(input);
        AwsPrices prices = cost ? region.prices() : null;
        StateMachine machine = Definitions.create(definition, text)
                .recordingEvents(history || prices != null || graph != null);
        WorkflowDiagram diagram = graph == null ? null : Diagrams.of(definition, text);
        Mocks answers = mocks == null ? null : CliInputs.mocks(mocks, tree);
        ExecutionOptions options = ExecutionOptions.defaults().clock(virtualTime ? Clock.virtual() : Clock.SYSTEM)
                .account(region.account());
        if (answers != null) {
            options.tasks(answers);
        }
        ExecutionResult result = machine.execute(executionInput, options);
        if (history) {
            EventLines.lines(result.events(), "").forEach(spec.commandLine().getOut()::println);
        }
        if (diagram != null) {
            Diagrams.write(diagram.withEvents(ExecutionEvents.of(result.events())), null, graph, null);
        }
        String printed = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result.toJson());
        spec.commandLine().getOut().println(printed);
        if (prices != null) {
            spec.commandLine().getOut().println(CostLine.of(result, prices));
        }
        // As quickstep test judges a case: answers that ran out or were left over mean the mocks
        // file does not describe this execution.
        String problem = answers == null ? null : answers.problem();
        if (problem != null) {
            spec.commandLine().getErr().println("quickstep: " + mocks + ": " + problem);
            return QuickstepCli.EXIT_BAD_INPUT;
        }
        return result.succeeded() ? 0 : 1;
    }
}
