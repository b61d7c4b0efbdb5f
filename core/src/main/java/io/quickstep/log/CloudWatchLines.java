package io.quickstep.log;

import io.quickstep.events.CloudWatchWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Execution logs' CloudWatch Logs records as JSON lines, made by one reused writer per thread (the
 * shipper's): a record written to several sinks is made once, and none is copied to be written.
 * A record whose text a {@link TextMakers} thread made is written from that text.
 */
final class CloudWatchLines {
    private static final ThreadLocal<CloudWatchLines> PER_THREAD = ThreadLocal.withInitial(CloudWatchLines::new);

    private final CloudWatchWriter writer = new CloudWatchWriter();
    /** The log whose lines the writer holds, and their length. */
    private ExecutionLog rendered;
    private int length;

    private CloudWatchLines() {
    }

    /** A copy of the log's lines. */
    static byte[] of(ExecutionLog log) {
        byte[] made = log.madeText();
        if (made != null) {
            return Arrays.copyOfRange(made, log.madeOffset(), log.madeOffset() + log.madeLength());
        }
        return PER_THREAD.get().writer.lines(log.events(), log.executionArn(), log.configuration());
    }

    /** The length in bytes of the log's lines. */
    static int length(ExecutionLog log) {
        return log.madeText() != null ? log.madeLength() : PER_THREAD.get().render(log);
    }

    /** Writes the log's lines to {@code out}; returns their length in bytes. */
    static int writeTo(ExecutionLog log, OutputStream out) throws IOException {
        byte[] made = log.madeText();
        if (made != null) {
            out.write(made, log.madeOffset(), log.madeLength());
            return log.madeLength();
        }
        CloudWatchLines lines = PER_THREAD.get();
        int length = lines.render(log);
        lines.writer.writeTo(out);
        return length;
    }

    private int render(ExecutionLog log) {
        if (rendered != log) {
            length = writer.render(log.events(), log.executionArn(), log.configuration());
            rendered = log;
        }
        return length;
    }
}
