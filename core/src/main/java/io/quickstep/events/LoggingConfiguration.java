package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A state machine's logging, AWS's {@code loggingConfiguration}: which events are written
 * ({@link LogLevel}), whether with the execution's data (inputs, outputs, parameters, assigned
 * variables), and where (the CloudWatch Logs log group ARNs AWS's API names; the engine's own sinks
 * decide where records really go). {@link #OFF} is AWS's default.
 *
 * @param level                which events are written
 * @param includeExecutionData whether inputs and outputs are written with them
 * @param destinations         the log group ARNs ({@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*}); at most one
 */
public record LoggingConfiguration(LogLevel level, boolean includeExecutionData, List<String> destinations) {
    /** Nothing logged: AWS's default. */
    public static final LoggingConfiguration OFF = new LoggingConfiguration(LogLevel.OFF, false, List.of());

    private static final String INVALID = "Invalid Logging Configuration: ";
    private static final Pattern LOG_GROUP_ARN = Pattern.compile("arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:]+:\\*");

    public LoggingConfiguration {
        if (level == null) {
            throw new IllegalArgumentException("level: missing");
        }
        destinations = List.copyOf(destinations);
    }

    /** A level and whether data is included, without a destination (the engine's sinks write the records). */
    public static LoggingConfiguration of(LogLevel level, boolean includeExecutionData) {
        return new LoggingConfiguration(level, includeExecutionData, List.of());
    }

    /**
     * Reads AWS's {@code loggingConfiguration} as CreateStateMachine and UpdateStateMachine take
     * it ({@code level}, {@code includeExecutionData}, {@code destinations} of
     * {@code {"cloudWatchLogsLogGroup": {"logGroupArn": ...}}}) and checks it as AWS does: a level
     * other than OFF needs exactly one destination, and no level has more than one. A missing level
     * is OFF, a missing includeExecutionData false.
     *
     * @throws LoggingConfigurationException with AWS's error code and message
     */
    public static LoggingConfiguration parse(JsonNode configuration) {
        if (configuration == null || configuration.isNull() || configuration.isMissingNode()) {
            return OFF;
        }
        if (!configuration.isObject()) {
            throw new LoggingConfigurationException(LoggingConfigurationException.VALIDATION_EXCEPTION,
                    "loggingConfiguration: expected an object");
        }
        JsonNode levelNode = configuration.get("level");
        LogLevel level = LogLevel.OFF;
        if (levelNode != null && !levelNode.isNull()) {
            level = levelNode.isTextual() ? LogLevel.named(levelNode.textValue()) : null;
            if (level == null) {
                throw new LoggingConfigurationException(LoggingConfigurationException.VALIDATION_EXCEPTION,
                        "1 validation error detected: Value '" + levelNode.asText()
                                + "' at 'loggingConfiguration.level' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]");
            }
        }
        JsonNode destinationsNode = configuration.path("destinations");
        int count = destinationsNode.isArray() ? destinationsNode.size() : 0;
        if (count > 1 || (level != LogLevel.OFF && count == 0)) {
            throw new LoggingConfigurationException(LoggingConfigurationException.INVALID_LOGGING_CONFIGURATION,
                    INVALID + "Must specify exactly one Log Destination.");
        }
        List<String> destinations = new ArrayList<>();
        for (JsonNode destination : destinationsNode) {
            JsonNode arn = destination.path("cloudWatchLogsLogGroup").path("logGroupArn");
            if (!arn.isTextual() || !LOG_GROUP_ARN.matcher(arn.textValue()).matches()) {
                // AWS's wording for this one is not in the corpus.
                throw new LoggingConfigurationException(LoggingConfigurationException.INVALID_LOGGING_CONFIGURATION,
                        INVALID + "Must set valid CloudWatch Log Group ARN.");
            }
            destinations.add(arn.textValue());
        }
        return new LoggingConfiguration(level, configuration.path("includeExecutionData").asBoolean(false),
                destinations);
    }

    /** Whether anything is logged: the executions then record their events. */
    public boolean enabled() {
        return level != LogLevel.OFF;
    }
}
