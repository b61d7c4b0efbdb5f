package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.Diagnostic;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks definitions as CreateStateMachine does and compiles them for the engine. The engine runs
 * Express semantics, activities and {@code .waitForTaskToken} tasks included; a STANDARD definition
 * that uses {@code .sync} integrations is accepted but cannot run here.
 */
final class Definitions {
    private static final Pattern ACTIVITY_ARN = Pattern.compile("arn:[^:]+:states:[^:]*:[^:]*:activity:.*");

    private Definitions() {
    }

    /**
     * The diagnostics of a definition for a machine of {@code type}, as ValidateStateMachineDefinition
     * gives them; with {@code expressCallbacks}, an EXPRESS machine may use activities and
     * {@code .waitForTaskToken} (the latter with a warning), which AWS refuses.
     */
    static List<Diagnostic> diagnostics(String definition, String type, boolean expressCallbacks) {
        List<Diagnostic> diagnostics = new ArrayList<>(StateMachine.validate(definition, type, expressCallbacks));
        if (StepFunctionsService.EXPRESS.equals(type) && !expressCallbacks
                && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            try {
                activityTasks(Json.parse(definition), "", diagnostics);
            } catch (com.fasterxml.jackson.core.JsonProcessingException validatedAlready) {
                // the validator has parsed this text; it cannot fail here
            }
        }
        return diagnostics;
    }

    /**
     * A revision of the definition, compiled, its executions logged as {@code logging} (checked
     * already) says; AWS's InvalidDefinition when it has errors.
     */
    static Revision revision(String name, String type, String definition, String roleArn, JsonNode logging,
                             JsonNode tracing, String revisionId, long updateMillis, boolean expressCallbacks) {
        List<Diagnostic> diagnostics = diagnostics(definition, type, expressCallbacks);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw AwsErrors.invalidDefinition(diagnostics);
        }
        try {
            StateMachine machine = StateMachine.create(name, definition)
                    .recordingEvents(StepFunctionsService.STANDARD.equals(type))
                    .logging(LoggingConfiguration.parse(logging));
            return new Revision(definition, roleArn, logging, tracing, revisionId, updateMillis, machine, null);
        } catch (DefinitionException standardOnly) {
            String why = "Quickstep runs state machines on its Express engine, which cannot run this STANDARD"
                    + " definition: " + AwsErrors.invalidDefinition(standardOnly.diagnostics()).getMessage();
            return new Revision(definition, roleArn, logging, tracing, revisionId, updateMillis, null, why);
        }
    }

    /** Task states whose resource is an activity, which Express state machines cannot use (AWS's rule). */
    private static void activityTasks(JsonNode machine, String pointer, List<Diagnostic> found) {
        JsonNode states = machine.path("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            String at = pointer + "/States/" + Json.pointerSegment(state.getKey());
            JsonNode body = state.getValue();
            if ("Task".equals(body.path("Type").asText())
                    && ACTIVITY_ARN.matcher(body.path("Resource").asText()).matches()) {
                found.add(Diagnostic.error("SCHEMA_VALIDATION_FAILED", "Express state machine does not support Activity ARN",
                        at + "/Resource"));
            }
            JsonNode branches = body.path("Branches");
            for (int i = 0; i < branches.size(); i++) {
                activityTasks(branches.get(i), at + "/Branches/" + i, found);
            }
            for (String processor : List.of("ItemProcessor", "Iterator")) {
                if (body.has(processor)) {
                    activityTasks(body.get(processor), at + "/" + processor, found);
                }
            }
        }
    }
}
