package io.quickstep.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of the AWS Step Functions API, numbered: metrics count requests by operation, and
 * a label per name a client made up would let any client grow the metrics without bound, so every
 * name not listed here counts as {@link #UNKNOWN}.
 */
final class ApiOperations {
    /** The X-Amz-Target prefix of every Step Functions operation. */
    static final String TARGET_PREFIX = "AWSStepFunctions.";
    static final List<String> NAMES = List.of("CreateActivity", "CreateStateMachine", "CreateStateMachineAlias",
            "DeleteActivity", "DeleteStateMachine", "DeleteStateMachineAlias", "DeleteStateMachineVersion",
            "DescribeActivity", "DescribeExecution", "DescribeMapRun", "DescribeStateMachine",
            "DescribeStateMachineAlias", "DescribeStateMachineForExecution", "GetActivityTask", "GetExecutionHistory",
            "ListActivities", "ListExecutions", "ListMapRuns", "ListStateMachineAliases", "ListStateMachineVersions",
            "ListStateMachines", "ListTagsForResource", "PublishStateMachineVersion", "RedriveExecution",
            "SendTaskFailure", "SendTaskHeartbeat", "SendTaskSuccess", "StartExecution", "StartSyncExecution",
            "StopExecution", "TagResource", "TestState", "UntagResource", "UpdateMapRun", "UpdateStateMachine",
            "UpdateStateMachineAlias", "ValidateStateMachineDefinition");
    /** The index of every name that is not an operation's (and of a request with no target). */
    static final int UNKNOWN = NAMES.size();
    static final int COUNT = NAMES.size() + 1;
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < NAMES.size(); i++) {
            INDEX.put(NAMES.get(i), i);
        }
    }

    private ApiOperations() {
    }

    /** The operation's index, or {@link #UNKNOWN}. */
    static int index(String operation) {
        Integer index = operation == null ? null : INDEX.get(operation);
        return index == null ? UNKNOWN : index;
    }

    /** The metrics label of an index. */
    static String label(int index) {
        return index == UNKNOWN ? "unknown" : NAMES.get(index);
    }
}
