package io.quickstep.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which of an execution's events a state machine's logging writes, AWS's {@code level} of a
 * {@code loggingConfiguration}: nothing at {@code OFF}, every event at {@code ALL}, the failures at
 * {@code ERROR} (AWS's table of log levels: {@code FailStateEntered} and the failed, timed-out and
 * aborted events), and at {@code FATAL} only the end of an execution that did not succeed.
 */
public enum LogLevel {
    ALL, ERROR, FATAL, OFF;

    private static final Set<EventType> FATAL_EVENTS = EnumSet.of(EventType.ExecutionFailed,
            EventType.ExecutionTimedOut, EventType.ExecutionAborted);
    /**
     * AWS's ERROR events that the engine records. MapRunFailed and EvaluationFailed are not in
     * AWS's table (it predates them); they are failures, logged as such.
     */
    private static final Set<EventType> ERROR_EVENTS = EnumSet.of(EventType.ExecutionFailed,
            EventType.ExecutionTimedOut, EventType.ExecutionAborted, EventType.FailStateEntered,
            EventType.TaskFailed, EventType.TaskTimedOut, EventType.LambdaFunctionFailed,
            EventType.LambdaFunctionTimedOut, EventType.ActivityFailed, EventType.ActivityTimedOut,
            EventType.MapIterationFailed, EventType.MapIterationAborted,
            EventType.MapStateFailed, EventType.MapRunFailed, EventType.ParallelStateFailed,
            EventType.EvaluationFailed);

    /** Whether an event of this type is written at this level. */
    public boolean logs(EventType type) {
        return switch (this) {
            case ALL -> true;
            case ERROR -> ERROR_EVENTS.contains(type);
            case FATAL -> FATAL_EVENTS.contains(type);
            case OFF -> false;
        };
    }

    /** The level AWS names {@code name} ({@code ALL}, {@code ERROR}, {@code FATAL}, {@code OFF}), or null. */
    public static LogLevel named(String name) {
        for (LogLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
