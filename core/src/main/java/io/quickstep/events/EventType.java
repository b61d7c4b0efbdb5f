package io.quickstep.events;

/**
 * AWS's history event types; {@link #name()} is the type as AWS writes it. Each type with details
 * names the object that holds them ({@code stateEnteredEventDetails} for every
 * {@code <Type>StateEntered}); {@link EventDetails} says which fields each has.
 */
public enum EventType {
    ExecutionStarted("executionStartedEventDetails"),
    ExecutionSucceeded("executionSucceededEventDetails"),
    ExecutionFailed("executionFailedEventDetails"),
    ExecutionTimedOut("executionTimedOutEventDetails"),
    ExecutionAborted("executionAbortedEventDetails"),

    ChoiceStateEntered(Kind.ENTERED), ChoiceStateExited(Kind.EXITED),
    FailStateEntered(Kind.ENTERED),
    MapStateEntered(Kind.ENTERED), MapStateExited(Kind.EXITED),
    ParallelStateEntered(Kind.ENTERED), ParallelStateExited(Kind.EXITED),
    PassStateEntered(Kind.ENTERED), PassStateExited(Kind.EXITED),
    SucceedStateEntered(Kind.ENTERED), SucceedStateExited(Kind.EXITED),
    TaskStateEntered(Kind.ENTERED), TaskStateExited(Kind.EXITED),
    WaitStateEntered(Kind.ENTERED), WaitStateExited(Kind.EXITED),

    TaskScheduled("taskScheduledEventDetails"),
    TaskStarted("taskStartedEventDetails"),
    TaskSucceeded("taskSucceededEventDetails"),
    TaskFailed("taskFailedEventDetails"),
    TaskTimedOut("taskTimedOutEventDetails"),
    LambdaFunctionScheduled("lambdaFunctionScheduledEventDetails"),
    LambdaFunctionStarted,
    LambdaFunctionSucceeded("lambdaFunctionSucceededEventDetails"),
    LambdaFunctionFailed("lambdaFunctionFailedEventDetails"),
    LambdaFunctionTimedOut("lambdaFunctionTimedOutEventDetails"),
    /** A {@code .waitForTaskToken} task's integration answered; the task waits for its token's answer. */
    TaskSubmitted("taskSubmittedEventDetails"),
    ActivityScheduled("activityScheduledEventDetails"),
    ActivityStarted("activityStartedEventDetails"),
    ActivitySucceeded("activitySucceededEventDetails"),
    ActivityFailed("activityFailedEventDetails"),
    ActivityTimedOut("activityTimedOutEventDetails"),

    MapStateStarted("mapStateStartedEventDetails"),
    MapStateSucceeded,
    MapStateFailed,
    MapIterationStarted("mapIterationStartedEventDetails"),
    MapIterationSucceeded("mapIterationSucceededEventDetails"),
    MapIterationFailed("mapIterationFailedEventDetails"),
    MapIterationAborted("mapIterationAbortedEventDetails"),
    MapRunStarted("mapRunStartedEventDetails"),
    MapRunSucceeded,
    MapRunFailed("mapRunFailedEventDetails"),
    ParallelStateStarted,
    ParallelStateSucceeded,
    ParallelStateFailed,

    /** A JSONata expression or a path of a state could not be evaluated (States.QueryEvaluationError). */
    EvaluationFailed("evaluationFailedEventDetails");

    /** The two families that share one details object each. */
    enum Kind { ENTERED, EXITED, OTHER }

    private static final EventType[] VALUES = values();

    private final String detailsKey;
    private final Kind kind;

    /** A type without details. */
    EventType() {
        this((String) null);
    }

    EventType(String detailsKey) {
        this.detailsKey = detailsKey;
        this.kind = Kind.OTHER;
    }

    EventType(Kind kind) {
        this.detailsKey = kind == Kind.ENTERED ? "stateEnteredEventDetails" : "stateExitedEventDetails";
        this.kind = kind;
    }

    /** The key of the details object in AWS's event, or null for a type that has none. */
    public String detailsKey() {
        return detailsKey;
    }

    Kind kind() {
        return kind;
    }

    static EventType of(int ordinal) {
        return VALUES[ordinal];
    }

    /** {@code <StateType>StateEntered} for a state's {@code Type} (Pass, Task, ...). */
    public static EventType entered(String stateType) {
        return stateEvent(stateType, true);
    }

    /** {@code <StateType>StateExited}; a Fail state, which is never left, has none (null). */
    public static EventType exited(String stateType) {
        return stateEvent(stateType, false);
    }

    private static EventType stateEvent(String stateType, boolean entered) {
        return switch (stateType) {
            case "Choice" -> entered ? ChoiceStateEntered : ChoiceStateExited;
            case "Fail" -> entered ? FailStateEntered : null;
            case "Map" -> entered ? MapStateEntered : MapStateExited;
            case "Parallel" -> entered ? ParallelStateEntered : ParallelStateExited;
            case "Pass" -> entered ? PassStateEntered : PassStateExited;
            case "Succeed" -> entered ? SucceedStateEntered : SucceedStateExited;
            case "Task" -> entered ? TaskStateEntered : TaskStateExited;
            case "Wait" -> entered ? WaitStateEntered : WaitStateExited;
            default -> throw new IllegalArgumentException("no state type " + stateType);
        };
    }
}
