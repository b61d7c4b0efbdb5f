package io.quickstep.asl.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The state types and the fields each accepts besides {@link #COMMON}, as AWS accepts them (whether
 * a field also suits the state's query language is {@link QueryLanguage}'s business).
 */
enum StateType {
    PASS("Pass", "InputPath OutputPath Result ResultPath Parameters Output Assign Next End"),
    TASK("Task", "InputPath OutputPath ResultPath Parameters Arguments Output Assign Resource Credentials"
            + " ResultSelector Retry Catch TimeoutSeconds TimeoutSecondsPath HeartbeatSeconds HeartbeatSecondsPath"
            + " Next End"),
    CHOICE("Choice", "InputPath OutputPath Output Assign Choices Default"),
    WAIT("Wait", "InputPath OutputPath Output Assign Seconds Timestamp SecondsPath TimestampPath Next End"),
    SUCCEED("Succeed", "InputPath OutputPath Output"),
    FAIL("Fail", "Error Cause ErrorPath CausePath"),
    PARALLEL("Parallel", "InputPath OutputPath ResultPath Parameters Arguments Output Assign ResultSelector Retry"
            + " Catch Branches Next End"),
    MAP("Map", "InputPath OutputPath ResultPath Parameters Output Assign ResultSelector Retry Catch ItemProcessor"
            + " Iterator ItemsPath Items ItemSelector ItemReader ItemBatcher ResultWriter MaxConcurrency"
            + " MaxConcurrencyPath ToleratedFailurePercentage ToleratedFailurePercentagePath ToleratedFailureCount"
            + " ToleratedFailureCountPath Label Next End");

    static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    static final List<String> NAMES = Arrays.stream(values()).map(type -> type.spelling).toList();

    private final String spelling;
    private final Set<String> fields;

    StateType(String spelling, String fields) {
        this.spelling = spelling;
        this.fields = Set.of(fields.split(" "));
    }

    /** The type spelled so, or null. */
    static StateType of(String spelling) {
        return Arrays.stream(values()).filter(type -> type.spelling.equals(spelling)).findFirst().orElse(null);
    }

    boolean accepts(String field) {
        return COMMON.contains(field) || fields.contains(field);
    }

    /** Whether the state moves on with Next or ends with End (all but Choice, Succeed and Fail). */
    boolean hasNextOrEnd() {
        return fields.contains("Next");
    }
}
