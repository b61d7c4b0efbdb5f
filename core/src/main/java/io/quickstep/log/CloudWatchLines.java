package io.quickstep.log;

import io.quickstep.events.CloudWatchRecord;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LogLevel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** An execution's CloudWatch Logs records as JSON lines. */
final class CloudWatchLines {
    private CloudWatchLines() {
    }

    static byte[] of(ExecutionLog log) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        LogLevel level = log.configuration().level();
        boolean data = log.configuration().includeExecutionData();
        for (HistoryEvent event : log.events()) {
            if (level.logs(event.type())) {
                out.writeBytes(CloudWatchRecord.message(event, log.executionArn(), data).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
