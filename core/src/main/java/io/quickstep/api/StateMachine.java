package io.quickstep.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.DefinitionParser;
import io.quickstep.asl.Diagnostic;
import io.quickstep.asl.model.Definition;
import io.quickstep.asl.validation.DefinitionValidator;
import io.quickstep.compiler.CompiledMachine;
import io.quickstep.compiler.Compiler;
import io.quickstep.compiler.Program;
import io.quickstep.error.StatesErrors;
import io.quickstep.execution.ExecutionIds;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.vm.DataLimit;
import io.quickstep.vm.Execution;
import io.quickstep.vm.SynchronousDriver;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated, compiled state machine: compile once, execute many times, from any number of threads
 * (it holds no per-execution state).
 */
public final class StateMachine {
    /** The Express workflow limit on one execution's duration. */
    public static final long EXPRESS_LIMIT_MILLIS = 5 * 60 * 1000L;

    private final String name;
    private final Program program;
    private final long timeoutMillis;
    private final CompiledMachine compiled;

    private StateMachine(String name, Program program, long timeoutMillis) {
        this.name = name;
        this.program = program;
        this.timeoutMillis = timeoutMillis;
        this.compiled = new CompiledMachine(name, program, timeoutMillis);
    }

    /** Validates and compiles a definition; throws with every diagnostic when it is invalid. */
    public static StateMachine create(String name, String definitionText) throws DefinitionException {
        List<Diagnostic> diagnostics = DefinitionValidator.validate(definitionText, "EXPRESS");
        List<Diagnostic> errors = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                errors.add(diagnostic);
            }
        }
        if (!errors.isEmpty()) {
            throw new DefinitionException(errors);
        }
        try {
            Definition definition = DefinitionParser.parse(Json.parse(definitionText));
            Integer timeout = definition.timeoutSeconds();
            // TimeoutSeconds 0 (accepted by AWS) means no limit of the machine's own.
            long timeoutMillis = timeout != null && timeout > 0
                    ? Math.min(timeout * 1000L, EXPRESS_LIMIT_MILLIS) : EXPRESS_LIMIT_MILLIS;
            return new StateMachine(name, Compiler.compile(definition), timeoutMillis);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The validator parsed the same text, so this cannot happen; report it as it would.
            throw new DefinitionException(List.of(Diagnostic.error("INVALID_JSON_DESCRIPTION",
                    e.getOriginalMessage(), null)));
        }
    }

    public String name() {
        return name;
    }

    /** The execution time limit: the definition's TimeoutSeconds, at most the Express five minutes. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** What the engine's shards run. */
    CompiledMachine compiled() {
        return compiled;
    }

    /** The compiled form, for tools such as the disassembler. */
    public Program program() {
        return program;
    }

    /**
     * Runs one execution on input given as JSON text in UTF-8, as it arrives over the wire: its
     * length is the size AWS holds against the 256 KiB input limit, so it need not be measured.
     *
     * @throws java.io.IOException when the bytes are not one JSON value
     */
    public ExecutionResult execute(byte[] inputJson, ExecutionOptions options) throws java.io.IOException {
        return execute(Json.parse(inputJson), inputJson.length, options);
    }

    /** Runs one execution to its end on the calling thread. */
    public ExecutionResult execute(JsonNode input, ExecutionOptions options) {
        return execute(input, DataLimit.measure(input), options);
    }

    private ExecutionResult execute(JsonNode input, long inputBytes, ExecutionOptions options) {
        String executionName = options.executionName() != null ? options.executionName() : ExecutionIds.random();
        Execution execution = new Execution(options.account(), name, executionName, input, options.clock(),
                options.tasks(), timeoutMillis, null);
        long start = execution.startMillis();
        if (inputBytes > DataLimit.MAX_BYTES) {
            return new ExecutionResult(ExecutionStatus.FAILED, null, StatesErrors.DATA_LIMIT_EXCEEDED,
                    "The execution input exceeds the maximum number of bytes service limit.", start, start);
        }
        try {
            return SynchronousDriver.run(execution, program, inputBytes);
        } catch (RuntimeException bug) {
            // An engine defect must not escape into the caller as a stack trace: the execution fails.
            return new ExecutionResult(ExecutionStatus.FAILED, null, StatesErrors.RUNTIME,
                    "Internal error: " + bug, start, options.clock().millis());
        }
    }

}
