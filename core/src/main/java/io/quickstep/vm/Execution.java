package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandler;

import java.time.Instant;

/**
 * What one execution shares across all its frames: identity, input, clock, task handler, and the
 * history event counter that AWS's error causes quote ("entered at the event id #4").
 */
public final class Execution {
    /** Region and account in the ARNs this engine makes up. */
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/quickstep";

    final String stateMachineName;
    final String name;
    final JsonNode input;
    final long startMillis;
    final long deadlineMillis;
    final Clock clock;
    final TaskHandler tasks;
    /** The id of the last history event; the execution's start is event 1. */
    int eventId = 1;
    private ObjectNode executionContext;
    private ObjectNode stateMachineContext;

    /**
     * @param timeoutMillis the execution's time limit, measured from its start on {@code clock}
     */
    public Execution(String stateMachineName, String name, JsonNode input, Clock clock, TaskHandler tasks,
                     long timeoutMillis) {
        this.stateMachineName = stateMachineName;
        this.name = name;
        this.input = input;
        this.clock = clock;
        this.tasks = tasks;
        this.startMillis = clock.millis();
        this.deadlineMillis = startMillis + timeoutMillis;
    }

    /** The Express execution ARN: {@code arn:aws:states:REGION:ACCOUNT:express:MACHINE:NAME:NAME}. */
    public String arn() {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":express:" + stateMachineName + ":" + name + ":" + name;
    }

    public String stateMachineArn() {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + stateMachineName;
    }

    public long startMillis() {
        return startMillis;
    }

    /** {@code $$.Execution}, built on first use and shared after. */
    ObjectNode executionContext() {
        if (executionContext == null) {
            ObjectNode node = Json.NODES.objectNode();
            node.put("Id", arn());
            node.set("Input", input);
            node.put("Name", name);
            node.put("RoleArn", ROLE_ARN);
            node.put("StartTime", timestamp(startMillis));
            executionContext = node;
        }
        return executionContext;
    }

    /** {@code $$.StateMachine}. */
    ObjectNode stateMachineContext() {
        if (stateMachineContext == null) {
            ObjectNode node = Json.NODES.objectNode();
            node.put("Id", stateMachineArn());
            node.put("Name", stateMachineName);
            stateMachineContext = node;
        }
        return stateMachineContext;
    }

    /** ISO-8601 with milliseconds, as AWS writes context timestamps. */
    static String timestamp(long millis) {
        String text = Instant.ofEpochMilli(millis).toString();
        // Instant drops a zero fraction; AWS always writes three digits.
        return text.indexOf('.') < 0 ? text.substring(0, text.length() - 1) + ".000Z" : text;
    }
}
