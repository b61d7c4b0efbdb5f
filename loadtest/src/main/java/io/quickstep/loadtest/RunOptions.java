package io.quickstep.loadtest;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** The options every load run takes, on either target: how hard, how long, and where the report goes. */
final class RunOptions {
    /** The longest measured time and the longest warm-up. */
    static final Duration MAX_DURATION = Duration.ofMinutes(2);
    /** Runs longer than this (warm-up included) print a line per measured second. */
    static final Duration PROGRESS_AFTER = Duration.ofSeconds(5);

    @Option(names = "--rate", paramLabel = "N", description = "Starts per second (open loop).")
    long rate;

    @Option(names = "--max", description = "Measure the maximum sustainable throughput instead (closed loop).")
    boolean max;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10", converter = DurationConverter.class,
            description = "Measured time: 500ms, 5s, 2m or plain seconds, at most 2m (default: ${DEFAULT-VALUE} s).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "5", converter = DurationConverter.class,
            description = "Load before measuring, not reported, at most 2m; an open loop at --rate climbs to "
                    + "--rate over its first three seconds (default: ${DEFAULT-VALUE} s).")
    Duration warmup;

    @Option(names = "--out", paramLabel = "DIR",
            description = "A folder for the run's latency.hgrm (percentile distribution, microseconds), summary.json "
                    + "and report.html; a FILE.hgrm instead writes the distribution alone.")
    Path out;

    /** Checks {@code --out} before the run (and makes its folder): a path it cannot write is a bad option. */
    void checkOut(CommandLine commandLine) {
        String problem = ReportFiles.problem(out);
        if (problem != null) {
            throw new ParameterException(commandLine, problem);
        }
    }

    /** Prints each measured second's line, {@code unit} per second, on runs longer than {@link #PROGRESS_AFTER}. */
    Consumer<Interval> progress(PrintWriter stdout, String unit) {
        if (duration.plus(warmup).compareTo(PROGRESS_AFTER) <= 0) {
            return interval -> { };
        }
        return interval -> {
            stdout.println(interval.progressLine(unit));
            stdout.flush();
        };
    }
}
