package io.quickstep.cli;

import io.quickstep.asl.DefinitionException;
import io.quickstep.events.HistoryEvent;
import io.quickstep.execution.Clock;
import io.quickstep.graph.ExecutionEvents;
import io.quickstep.graph.WorkflowDiagram;
import io.quickstep.service.ApiCaseRunner;
import io.quickstep.testing.CaseFiles;
import io.quickstep.testing.CaseJudge;
import io.quickstep.testing.CaseReport;
import io.quickstep.testing.CaseResult;
import io.quickstep.testing.CaseRunner;
import io.quickstep.testing.TestCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quickstep test}: runs case files and reports the ones that fail. */
@Command(name = "test",
        mixinStandardHelpOptions = true, versionProvider = QuickstepCli.Version.class, description = {
        "Runs case files and reports the ones that fail.",
        "Case files are in the conformance corpus format (definition, input, mocks, expected). A folder "
                + "is searched at any depth for *.json files holding an \"expected\" member or the kind of an "
                + "API or logs case; other JSON files there are passed over. API cases (kind api: Step Functions "
                + "calls and AWS's answers) run against an embedded Step Functions service; logs cases (kind logs) "
                + "are judged by the CloudWatch Logs records of their execution's events; a case of a kind that "
                + "cannot run here is reported as 'SKIP <id>: <reason>'. Prints one line per failing "
                + "case, followed by the events of its execution (one line each, indented, as quickstep logs "
                + "prints them), then 'N passed, M failed[, K skipped]', and exits 0 only when no case failed."})
final class TestCommand implements Callable<Integer> {
    /** The engine's judge, with API cases run by the Step Functions service instead of skipped. */
    private static final CaseJudge JUDGE = new CaseJudge() {
        @Override
        public String judge(TestCase testCase, Clock clock) throws Exception {
            return testCase.kind() == TestCase.Kind.API ? ApiCaseRunner.run(testCase.file())
                    : CaseJudge.ENGINE.judge(testCase, clock);
        }

        @Override
        public String skipReason(TestCase testCase) {
            return testCase.kind() == TestCase.Kind.API ? null : CaseJudge.ENGINE.skipReason(testCase);
        }
    };

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR|FILE", arity = "1..*", description = "Case files, or folders holding them.")
    List<Path> paths;

    @Option(names = "--real-time",
            description = "Really sleep in Wait states and retry intervals (default: virtual time).")
    boolean realTime;

    @Option(names = "--jobs", paramLabel = "N", description = "Cases run at once (default: the number of processors).")
    Integer jobs;

    @Option(names = "--only", paramLabel = "SUBSTR", description = "Run only the cases whose id contains SUBSTR.")
    String only;

    @Option(names = "--graphs", paramLabel = "DIR",
            description = "Write the workflow diagram of each failing execution case, with the path its execution "
                    + "took, to DIR/<case id>.svg.")
    Path graphs;

    @Override
    public Integer call() throws BadInputException {
        CaseRunner runner = new CaseRunner().realTime(realTime).judge(JUDGE);
        if (jobs != null) {
            if (jobs < 1) {
                throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
            }
            runner.jobs(jobs);
        }
        CaseFiles.Loaded loaded = load();
        List<TestCase> cases = loaded.cases().stream().filter(c -> only == null || c.id().contains(only)).toList();
        if (cases.isEmpty() && only != null) {
            throw new BadInputException("--only " + only + ": no case id contains it, so no case would run");
        }
        List<CaseResult> results = runner.run(cases);
        CaseReport report = new CaseReport(results, only == null ? loaded.unreadable() : List.of());
        long histories = cases.stream().filter(c -> c.file().has("history")).count();
        if (histories > 0) {
            spec.commandLine().getOut().println("note: " + histories + " cases carry AWS's execution history; "
                    + "only their results are compared (histories are issue 11)");
        }
        if (graphs != null) {
            try {
                Files.createDirectories(graphs);
            } catch (IOException e) {
                throw new BadInputException(graphs + ": cannot make the folder: " + e.getMessage());
            }
        }
        // Under each failing execution case, its events: what it did, to see where it went astray.
        report.print(spec.commandLine().getOut(), failed -> {
            List<HistoryEvent> events = CaseRunner.events(failed.testCase());
            List<String> lines = new ArrayList<>(EventLines.lines(events, "    "));
            if (graphs != null && !events.isEmpty()) {
                lines.add("    graph: " + writeGraph(failed.testCase(), events));
            }
            return lines;
        });
        return report.allPassed() ? 0 : 1;
    }

    /** Draws a failing case's execution to {@link #graphs}; says where, or why not. */
    private String writeGraph(TestCase testCase, List<HistoryEvent> events) {
        Path file = graphs.resolve(testCase.id().replaceAll("[^A-Za-z0-9_.-]+", "_") + ".svg");
        try {
            WorkflowDiagram diagram = WorkflowDiagram.of(testCase.id(), testCase.definitionText());
            Files.writeString(file, diagram.withEvents(ExecutionEvents.of(events)).svg());
            return file.toString();
        } catch (DefinitionException e) {
            return "none (" + Definitions.invalid("definition", e).getMessage() + ")";
        } catch (IOException e) {
            return "none (" + file + ": cannot write: " + e.getMessage() + ")";
        }
    }

    private CaseFiles.Loaded load() throws BadInputException {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new BadInputException(path + ": no such file or folder");
            }
        }
        CaseFiles.Loaded loaded;
        try {
            loaded = CaseFiles.loadEach(paths);
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
        if (loaded.cases().isEmpty() && loaded.unreadable().isEmpty()) {
            throw new BadInputException("no case files in " + paths.stream().map(Path::toString).toList());
        }
        return loaded;
    }
}
