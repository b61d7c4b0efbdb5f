package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.events.CloudWatchRecord;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LogLevel;
import io.quickstep.events.LoggingConfiguration;

import java.time.Instant;
import java.util.List;

/**
 * An execution's events, one line each, for a person: the time, the type, the state (the last one
 * entered, for an event that names none; a task's resource when scheduled) and a short summary (the
 * error and cause, else the output or input):
 * {@code 2024-05-01T12:00:00.123Z  TaskFailed  Charge  Busy: try later}. Made from the CloudWatch
 * Logs record of each event, as log files hold them; one instance per execution, fed its events in
 * order.
 */
final class EventLines {
    private static final int SUMMARY_CHARS = 100;
    /** The state the execution is in, for events that name none. */
    private String state = "-";

    /** The lines of one execution's events (all of them, with their data), each after {@code indent}. */
    static List<String> lines(List<HistoryEvent> events, String indent) {
        EventLines lines = new EventLines();
        return CloudWatchRecord.records(events, "", LoggingConfiguration.of(LogLevel.ALL, true)).stream()
                .map(record -> indent + lines.line(record)).toList();
    }

    /** One record as a line. */
    String line(JsonNode record) {
        JsonNode details = record.path("details");
        String time;
        try {
            time = Instant.ofEpochMilli(Long.parseLong(record.path("event_timestamp").asText())).toString();
        } catch (NumberFormatException e) {
            time = "-";
        }
        return String.format("%s  %-30s %-20s %s", time, record.path("type").asText(), state(details),
                summary(details)).stripTrailing();
    }

    private String state(JsonNode details) {
        for (String field : new String[] {"name", "state"}) {
            if (details.hasNonNull(field)) {
                state = details.get(field).asText();
                return state;
            }
        }
        if (details.hasNonNull("resourceType")) {
            return details.get("resourceType").asText() + ":" + details.path("resource").asText();
        }
        if (details.hasNonNull("resource")) {
            // A function's ARN as its last parts: function:NAME
            String[] parts = details.get("resource").asText().split(":", 6);
            return parts.length == 6 ? parts[5] : details.get("resource").asText();
        }
        return state;
    }

    private static String summary(JsonNode details) {
        if (details.hasNonNull("error")) {
            String cause = details.path("cause").asText("");
            return details.get("error").asText() + (cause.isEmpty() ? "" : ": " + shorten(cause));
        }
        for (String field : new String[] {"output", "input", "parameters"}) {
            if (details.hasNonNull(field)) {
                return field + " " + shorten(details.get(field).asText());
            }
        }
        if (details.hasNonNull("index")) {
            return "index " + details.get("index").asText();
        }
        return details.hasNonNull("length") ? "length " + details.get("length").asText() : "";
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= SUMMARY_CHARS ? oneLine : oneLine.substring(0, SUMMARY_CHARS - 3) + "...";
    }
}
