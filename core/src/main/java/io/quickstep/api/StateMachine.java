package io.quickstep.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.DefinitionParser;
import io.quickstep.asl.Diagnostic;
import io.quickstep.asl.model.Definition;
import io.quickstep.asl.validation.DefinitionValidator;
import io.quickstep.compiler.CompiledMachine;
import io.quickstep.compiler.Compiler;
import io.quickstep.compiler.Disassembler;
import io.quickstep.compiler.Program;
import io.quickstep.error.StatesErrors;
import io.quickstep.events.EventBuffer;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.events.LoggingConfigurationException;
import io.quickstep.execution.ExecutionIds;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.json.MalformedJsonException;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.vm.DataLimit;
import io.quickstep.vm.Execution;
import io.quickstep.vm.SynchronousDriver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated, compiled state machine: compile once, execute many times, from any number of threads
 * (it holds no per-execution state).
 */
public final class StateMachine {
    /** The Express workflow limit on one execution's duration. */
    public static final long EXPRESS_LIMIT_MILLIS = 5 * 60 * 1000L;
    /** The errors of executions run on callers' threads, of every state machine in the process. */
    private static final EngineErrors ERRORS = new EngineErrors();
    /** A cleared event buffer per thread, for the next execution on it that records events. */
    private static final ThreadLocal<EventBuffer> SPARE_EVENT_BUFFER = new ThreadLocal<>();

    /** Name, program and time limit, as the engine's shards run them. */
    private final CompiledMachine compiled;

    private StateMachine(CompiledMachine compiled) {
        this.compiled = compiled;
    }

    /**
     * Validates and compiles a definition as an EXPRESS state machine.
     *
     * @throws DefinitionException with every diagnostic, when the definition is invalid
     */
    public static StateMachine create(String name, String definitionText) {
        Definition definition = parse(definitionText, "EXPRESS");
        Integer timeout = definition.timeoutSeconds();
        // TimeoutSeconds 0 (accepted by AWS) means no limit of the machine's own.
        long timeoutMillis = timeout != null && timeout > 0
                ? Math.min(timeout * 1000L, EXPRESS_LIMIT_MILLIS) : EXPRESS_LIMIT_MILLIS;
        return new StateMachine(new CompiledMachine(name, Compiler.compile(definition), timeoutMillis));
    }

    /**
     * This state machine with its executions' history events recorded, or not: each result then
     * carries them ({@link ExecutionResult#events()}), in AWS's GetExecutionHistory form. Off by
     * default. The machine returned shares the compiled program but is another machine to an
     * engine (its own metrics).
     */
    public StateMachine recordingEvents(boolean record) {
        return record == compiled.recordsEvents() ? this : new StateMachine(new CompiledMachine(compiled.name(),
                compiled.program(), compiled.timeoutMillis(), record, compiled.logging()));
    }

    /**
     * Validates and compiles a definition as {@link #create(String, String)} does, with AWS's
     * {@code loggingConfiguration} of CreateStateMachine (null or absent: OFF), checked as AWS
     * checks it after the definition.
     *
     * @throws DefinitionException           when the definition is invalid
     * @throws LoggingConfigurationException when the logging configuration is (InvalidLoggingConfiguration)
     */
    public static StateMachine create(String name, String definitionText, JsonNode loggingConfiguration) {
        StateMachine machine = create(name, definitionText);
        return machine.logging(LoggingConfiguration.parse(loggingConfiguration));
    }

    /**
     * This state machine with {@code logging} as its {@code loggingConfiguration}: at any level
     * but OFF its executions record their events (as {@link #recordingEvents} makes them), and
     * {@link io.quickstep.events.CloudWatchRecord} turns them into the records AWS would log. The
     * machine returned shares the compiled program but is another machine to an engine.
     */
    public StateMachine logging(LoggingConfiguration logging) {
        return logging.equals(compiled.logging()) ? this : new StateMachine(new CompiledMachine(compiled.name(),
                compiled.program(), compiled.timeoutMillis(), compiled.recordsEvents() && !compiled.logging().enabled(),
                logging));
    }

    /** Its {@code loggingConfiguration}: {@link LoggingConfiguration#OFF} unless {@link #logging} set one. */
    public LoggingConfiguration loggingConfiguration() {
        return compiled.logging();
    }

    /** Whether its executions record their history events; see {@link #recordingEvents}. */
    public boolean recordsEvents() {
        return compiled.recordsEvents();
    }

    /**
     * What AWS's ValidateStateMachineDefinition would say of a definition, offline: every
     * diagnostic, errors and warnings, for a state machine of {@code type} (STANDARD or EXPRESS).
     */
    public static List<Diagnostic> validate(String definitionText, String type) {
        return DefinitionValidator.validate(definitionText, type);
    }

    /**
     * {@link #validate(String, String)}, with Quickstep's choice for Express machines when
     * {@code expressCallbacks}: their {@code .waitForTaskToken} tasks are a WARNING, not AWS's error,
     * since the engine runs them (as it runs every definition it compiles).
     */
    public static List<Diagnostic> validate(String definitionText, String type, boolean expressCallbacks) {
        return DefinitionValidator.validate(definitionText, type, expressCallbacks);
    }

    /**
     * The compiled instructions of a definition valid for {@code type}, for reading: one section per
     * program (the machine, each Parallel branch and Map item processor), one line per instruction.
     */
    public static String disassemble(String definitionText, String type) {
        return Disassembler.listing(Compiler.compile(parse(definitionText, type)));
    }

    /** The definition's model, once the validator has found no error for {@code type}. */
    private static Definition parse(String definitionText, String type) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Diagnostic diagnostic : validate(definitionText, type, true)) {
            if (diagnostic.isError()) {
                errors.add(diagnostic);
            }
        }
        if (!errors.isEmpty()) {
            throw new DefinitionException(errors);
        }
        try {
            return DefinitionParser.parse(Json.parse(definitionText));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The validator parsed the same text, so this cannot happen; report it as it would.
            throw new DefinitionException(List.of(Diagnostic.error("INVALID_JSON_DESCRIPTION",
                    MalformedJsonException.of(e).getMessage(), null)));
        }
    }

    /**
     * The handler errors and engine faults of executions run with {@code execute}, on callers'
     * threads, in this process: counted by kind, the first of each distinct one logged with its
     * stack trace (an engine's own are in {@code Engine.metrics().errors()}).
     */
    public static EngineErrors errors() {
        return ERRORS;
    }

    public String name() {
        return compiled.name();
    }

    /** The execution time limit: the definition's TimeoutSeconds, at most the Express five minutes. */
    public long timeoutMillis() {
        return compiled.timeoutMillis();
    }

    /** What the engine's shards run. */
    CompiledMachine compiled() {
        return compiled;
    }

    private Program program() {
        return compiled.program();
    }

    /**
     * Runs one execution to its end on the calling thread, on input given as JSON text, as AWS's
     * StartSyncExecution takes it: its size in UTF-8 is what the 256 KiB input limit measures.
     *
     * @throws InvalidExecutionInputException when the text is not one JSON value
     */
    public ExecutionResult execute(String inputJson, ExecutionOptions options) {
        return execute(inputJson.getBytes(StandardCharsets.UTF_8), options);
    }

    /**
     * Runs one execution on input given as JSON text in UTF-8, as it arrives over the wire: its
     * length is the size AWS holds against the 256 KiB input limit, so it need not be measured.
     *
     * @throws InvalidExecutionInputException when the bytes are not one JSON value
     */
    public ExecutionResult execute(byte[] inputJson, ExecutionOptions options) {
        return execute(parseInput(inputJson), inputJson.length, options);
    }

    /** Execution input given as JSON text, as a value; what is wrong with it in the input's terms. */
    static JsonNode parseInput(byte[] inputJson) {
        try {
            return Json.parse(inputJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidExecutionInputException("The execution input is not valid JSON: " + MalformedJsonException.of(e).getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array cannot fail to be read
        }
    }

    /** This thread's spare event buffer, or a new one: an execution a handler starts on this thread makes its own. */
    private static EventBuffer takeSpareEventBuffer() {
        EventBuffer spare = SPARE_EVENT_BUFFER.get();
        if (spare == null) {
            return new EventBuffer();
        }
        SPARE_EVENT_BUFFER.set(null);
        return spare;
    }

    /** The result holds its own copy of the events: the buffer serves this thread's next execution. */
    private static void keepSpareEventBuffer(EventBuffer used) {
        if (used != null) {
            used.clear();
            SPARE_EVENT_BUFFER.set(used);
        }
    }

    /** Runs one execution to its end on the calling thread. */
    public ExecutionResult execute(JsonNode input, ExecutionOptions options) {
        return execute(input, DataLimit.measure(input), options);
    }

    private ExecutionResult execute(JsonNode input, long inputBytes, ExecutionOptions options) {
        String executionName = options.executionName() != null ? options.executionName() : ExecutionIds.random();
        Execution execution = new Execution(options.account(), name(), executionName, input, options.clock(),
                options.tasks(), options.callbacks(), timeoutMillis(), null);
        if (recordsEvents()) {
            execution.recordEvents(takeSpareEventBuffer());
        }
        long start = execution.startMillis();
        if (inputBytes > DataLimit.MAX_BYTES) {
            return new ExecutionResult(ExecutionStatus.FAILED, null, StatesErrors.DATA_LIMIT_EXCEEDED,
                    "The execution input exceeds the maximum number of bytes service limit.", start, start);
        }
        try {
            ExecutionResult result = SynchronousDriver.run(execution, program(), inputBytes, ERRORS);
            keepSpareEventBuffer(execution.takeEventBuffer()); // null when it recorded nothing
            return result;
        } catch (Throwable bug) {
            // An engine defect (or a clock's) must not escape into the caller: the execution fails.
            ERRORS.record(EngineErrors.Kind.ENGINE_FAULT, "the calling thread", bug);
            return new ExecutionResult(ExecutionStatus.FAILED, null, StatesErrors.RUNTIME,
                    "Internal error: " + bug + " (StateMachine.errors() has its stack trace)", start,
                    options.clock().millis());
        }
    }

}
