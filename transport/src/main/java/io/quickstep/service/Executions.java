package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.error.StatesErrors;
import io.quickstep.execution.ExecutionIds;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.json.JsonSize;
import io.quickstep.task.TaskHandler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * StartExecution, StartSyncExecution, StopExecution, DescribeExecution, ListExecutions,
 * DescribeStateMachineForExecution and GetExecutionHistory. Executions start through the engine's
 * listener form: the {@link ExecutionRecord} is the listener.
 */
final class Executions {
    /** AWS's limit on an execution's input, in UTF-8 bytes of the text as sent. */
    static final int MAX_INPUT_BYTES = 256 * 1024;
    static final List<String> STATUSES = List.of("SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING");

    private final Registry registry;
    private final Engine engine;
    private final ExecutionStore store;
    private final ExecutionHistory history;
    private final Function<String, TaskHandler> tasks;

    /**
     * @param tasks the task handlers for a state machine, by its name
     */
    Executions(Registry registry, Engine engine, ExecutionStore store, ExecutionHistory history,
               Function<String, TaskHandler> tasks) {
        this.registry = registry;
        this.engine = engine;
        this.store = store;
        this.history = history;
        this.tasks = tasks;
    }

    void register(Map<String, Operation> operations) {
        operations.put("StartExecution", StepFunctionsService.sync(this::startExecution));
        operations.put("StartSyncExecution", request -> start(request, true).answer());
        operations.put("StopExecution", StepFunctionsService.sync(this::stop));
        operations.put("DescribeExecution", StepFunctionsService.sync(r -> existing(r).describe()));
        operations.put("ListExecutions", StepFunctionsService.sync(this::list));
        operations.put("DescribeStateMachineForExecution", StepFunctionsService.sync(this::describeStateMachine));
        operations.put("GetExecutionHistory", StepFunctionsService.sync(this::history));
    }

    private JsonNode startExecution(Request request) {
        ExecutionRecord execution = start(request, false);
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("executionArn", execution.arn);
        answer.set("startDate", Dates.epochSeconds(execution.startMillis));
        return answer;
    }

    /**
     * Starts an execution of the state machine, version or alias the request names. Standard
     * executions are named uniquely (ExecutionAlreadyExists); Express ones, as on AWS, need not be.
     */
    private ExecutionRecord start(Request request, boolean sync) {
        String arn = request.string("stateMachineArn");
        String name = request.optionalString("name");
        if (name != null) {
            Names.check(name);
        }
        String inputText = request.optionalString("input");
        String input = inputText == null ? "{}" : inputText;
        long inputBytes = JsonSize.utf8Length(input);
        JsonNode value = parseInput(input, inputBytes);

        StateMachineEntry entry;
        Revision revision;
        String versionArn = null;
        String aliasArn = null;
        Alias alias = registry.alias(arn);
        if (alias != null) {
            aliasArn = arn;
            arn = alias.pickVersion();
        }
        Version version = registry.version(arn);
        if (version != null) {
            versionArn = arn;
            entry = registry.machine(version.stateMachineArn());
            revision = version.revision();
        } else {
            entry = registry.existingMachine(arn);
            revision = entry.current();
        }
        if (sync && entry.standard()) {
            throw AwsErrors.typeNotSupported("StartSyncExecution", entry.type);
        }
        String executionName = name != null ? name : ExecutionIds.random();
        String executionArn = registry.arns.execution(entry.standard(), entry.name, executionName);
        ExecutionRecord execution = new ExecutionRecord(store, executionArn, executionName, entry, revision,
                versionArn, aliasArn, input, registry.now(), sync);
        if (!store.add(execution)) {
            ExecutionRecord running = store.get(executionArn);
            if (running != null && running.result() == null && running.input.equals(input) && !sync) {
                return running; // AWS: starting a running execution again with the same input is idempotent
            }
            throw AwsErrors.executionAlreadyExists(executionArn);
        }
        if (revision.machine() == null) {
            execution.ended(new ExecutionResult(ExecutionStatus.FAILED, null, StatesErrors.RUNTIME,
                    revision.unrunnable(), execution.startMillis, execution.startMillis));
            return execution;
        }
        TaskHandler handlers = tasks.apply(entry.name);
        // The input's size as sent spares the shard measuring the parsed input.
        StartResult.Status status = engine.start(revision.machine(), value, inputBytes, executionName, executionArn,
                handlers, execution);
        if (status != StartResult.Status.ACCEPTED) {
            store.remove(execution);
            throw status == StartResult.Status.THROTTLED ? AwsErrors.throttled() : AwsErrors.shuttingDown();
        }
        return execution;
    }

    /** The input as a JSON value, after AWS's limit on its size as sent. */
    private static JsonNode parseInput(String input, long inputBytes) {
        if (inputBytes > MAX_INPUT_BYTES) {
            throw AwsErrors.tooLong("<" + inputBytes + " bytes>", "input", MAX_INPUT_BYTES);
        }
        if (input.isBlank()) {
            throw AwsErrors.invalidExecutionInput("Invalid execution input.");
        }
        try {
            return Json.parse(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AwsErrors.invalidExecutionInput(e.getOriginalMessage());
        }
    }

    private JsonNode stop(Request request) {
        ExecutionRecord execution = existing(request);
        ExecutionResult result = execution.result();
        if (result == null) {
            engine.stop(execution.arn, request.optionalString("error"), request.optionalString("cause"));
        }
        ObjectNode answer = Json.NODES.objectNode();
        answer.set("stopDate", Dates.epochSeconds(result == null ? registry.now() : result.stopMillis()));
        return answer;
    }

    private JsonNode list(Request request) {
        String arn = request.string("stateMachineArn");
        String status = request.enumeration("statusFilter", STATUSES);
        Predicate<ExecutionRecord> ofMachine;
        if (registry.alias(arn) != null) {
            ofMachine = e -> arn.equals(e.aliasArn);
        } else if (registry.version(arn) != null) {
            ofMachine = e -> arn.equals(e.versionArn);
        } else {
            StateMachineEntry entry = registry.existingMachine(arn);
            ofMachine = e -> e.stateMachine == entry;
        }
        List<ExecutionRecord> executions = store.list(status == null ? ofMachine
                : ofMachine.and(e -> e.status().equals(status)));
        return Pages.page(request, executions, "executions", ExecutionRecord::summary);
    }

    private JsonNode describeStateMachine(Request request) {
        ExecutionRecord execution = existing(request);
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("stateMachineArn", execution.versionArn != null ? execution.versionArn : execution.stateMachine.arn);
        answer.put("name", execution.stateMachine.name);
        execution.revision.describeInto(answer);
        answer.set("updateDate", Dates.epochSeconds(execution.revision.updateMillis()));
        return answer;
    }

    private JsonNode history(Request request) {
        ExecutionRecord execution = existing(request);
        boolean includeData = !request.has("includeExecutionData") || request.bool("includeExecutionData");
        List<ObjectNode> events = new ArrayList<>(history.events(execution, includeData));
        if (request.bool("reverseOrder")) {
            Collections.reverse(events);
        }
        return Pages.page(request, events, "events", event -> event);
    }

    private ExecutionRecord existing(Request request) {
        String arn = request.string("executionArn");
        registry.arns.parse(arn, Arns.EXECUTION, Arns.EXPRESS);
        ExecutionRecord execution = store.get(arn);
        if (execution == null) {
            throw AwsErrors.executionDoesNotExist(arn);
        }
        return execution;
    }
}
