package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.log.LogStreams;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code quickstep logs}: the execution logs a server wrote (serve --log-dir), for a person or as JSON. */
@Command(name = "logs",
        mixinStandardHelpOptions = true, versionProvider = QuickstepCli.Version.class, description = {
        "Prints the execution logs under DIR (what serve --log-dir writes: JSON lines, one stream per state "
                + "machine and day), executions in the order they were written, each event on one line: time, "
                + "type, state and a short summary; --json prints the records as they are.",
        "Exits 0 when it printed events, 1 when none matched, 2 when DIR is no folder."})
final class LogsCommand implements Callable<Integer> {
    private static final long FOLLOW_MILLIS = 200;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The log folder (serve --log-dir).")
    Path directory;

    @ArgGroup(exclusive = true)
    Filter filter;

    @Option(names = "--follow", description = "Keep printing events as they are written, until interrupted "
            + "(Ctrl-C).")
    boolean follow;

    @Option(names = "--json", description = "Print each event's record (a CloudWatch Logs JSON object) as it is.")
    boolean json;

    /** Which executions to print: one, or those of one state machine; all without. */
    static final class Filter {
        @Option(names = "--execution", paramLabel = "ARN", required = true, description = "Only this execution.")
        String executionArn;

        @Option(names = "--state-machine", paramLabel = "NAME", required = true,
                description = "Only the executions of this state machine.")
        String stateMachine;
    }

    /** How far each file has been read. */
    private final Map<Path, Long> read = new HashMap<>();
    private String lastExecution;
    /** The lines of the execution being printed. */
    private EventLines lines;
    private long printed;

    @Override
    public Integer call() throws BadInputException, IOException {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException(directory + ": no such folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        printNew(out);
        while (follow && !Thread.currentThread().isInterrupted()) {
            out.flush();
            try {
                Thread.sleep(FOLLOW_MILLIS);
            } catch (InterruptedException stop) {
                break; // the end of following, as asked
            }
            printNew(out);
        }
        out.flush();
        if (printed == 0) {
            spec.commandLine().getErr().println("quickstep: no log events" + (filter == null ? ""
                    : filter.executionArn != null ? " of " + filter.executionArn
                    : " of state machine " + filter.stateMachine) + " in " + directory);
            return 1;
        }
        return 0;
    }

    /** Prints the whole lines written to the log files since the last call. */
    private void printNew(PrintWriter out) throws IOException {
        for (Path file : files()) {
            long from = read.getOrDefault(file, 0L);
            byte[] bytes;
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length <= from) {
                    continue;
                }
                in.seek(from);
                bytes = new byte[(int) Math.min(length - from, Integer.MAX_VALUE - 8)];
                in.readFully(bytes);
            }
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    print(new String(bytes, start, i - start, StandardCharsets.UTF_8), out);
                    start = i + 1;
                }
            }
            // A line being written is read once it is whole.
            read.put(file, from + start);
        }
    }

    private void print(String line, PrintWriter out) {
        JsonNode record;
        try {
            record = Json.parse(line);
        } catch (IOException e) {
            return; // not a record: the files are the engine's, a stray line is passed over
        }
        String arn = record.path("execution_arn").asText();
        if (filter != null && (filter.executionArn != null ? !filter.executionArn.equals(arn)
                : !filter.stateMachine.equals(stateMachine(arn)))) {
            return;
        }
        printed++;
        if (json) {
            out.println(line);
            return;
        }
        if (!arn.equals(lastExecution)) {
            if (filter == null || filter.executionArn == null) {
                out.println(arn);
            }
            lines = new EventLines();
        }
        lastExecution = arn;
        out.println("  " + lines.line(record));
    }

    /** The state machine an execution ARN names ({@code arn:aws:states:R:A:express:MACHINE:NAME:ID}). */
    private static String stateMachine(String executionArn) {
        String[] parts = executionArn.split(":");
        return parts.length > 6 ? parts[6] : "";
    }

    /** The log files, each machine's folder in name order, its files in the order they were written. */
    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(LogStreams.SUFFIX) && Files.isRegularFile(f))
                    .sorted(Comparator.comparing((Path f) -> f.getParent().toString()).thenComparing(LogStreams::compare))
                    .toList();
        }
    }
}
