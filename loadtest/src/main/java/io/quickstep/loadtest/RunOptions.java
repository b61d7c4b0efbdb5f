package io.quickstep.loadtest;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** The options every load run takes, on either target: how hard, how long, and where the report goes. */
final class RunOptions {
    /** The longest measured time and the longest warm-up. */
    static final Duration MAX_DURATION = Duration.ofMinutes(2);

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

    @Option(names = "--out", paramLabel = "PATH",
            description = "Embedded: the latency percentile distribution (.hgrm, microseconds) to this file. "
                    + "HTTP: a folder for latency.hgrm, summary.json and report.html.")
    Path out;
}
