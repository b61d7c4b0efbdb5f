package io.quickstep.asl.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.json.Json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Checks a state machine definition as AWS's ValidateStateMachineDefinition does, in AWS's codes,
 * messages and locations. A definition with no ERROR diagnostic is structurally sound for the
 * compiler: StartAt and every transition name a state of their own block, every state has a valid
 * Type and the fields its type and query language accept, each of the right type, and every path
 * and intrinsic call parses, and so does every JSONata expression of a JSONata state.
 */
public final class DefinitionValidator {
    /** AWS's limit on the length of a definition. */
    static final int MAX_LENGTH = 1_048_576;
    static final String EXPRESS = "EXPRESS";

    private DefinitionValidator() {
    }

    /**
     * Validates definition text; {@code type} is {@code STANDARD} or {@code EXPRESS} (Express
     * machines refuse .sync and .waitForTaskToken integrations). Never throws: every problem with
     * the text, including text that is not JSON or too large or deeply nested, is a diagnostic.
     */
    public static List<Diagnostic> validate(String definitionText, String type) {
        return validate(definitionText, type, false);
    }

    /**
     * {@link #validate(String, String)}, where {@code expressCallbacks} lets an Express machine use
     * {@code .waitForTaskToken} integrations, which Quickstep runs within the Express limits and AWS
     * refuses: each use is then a WARNING saying so rather than AWS's error.
     */
    public static List<Diagnostic> validate(String definitionText, String type, boolean expressCallbacks) {
        if (definitionText == null) {
            return notAnObject();
        }
        if (definitionText.length() > MAX_LENGTH) {
            return List.of(Diagnostic.error(Messages.SCHEMA, Messages.tooLong(MAX_LENGTH), null));
        }
        try {
            return validate(Json.parse(definitionText), type, expressCallbacks);
        } catch (JsonProcessingException e) {
            return List.of(JsonErrors.describe(e, definitionText));
        }
    }

    /** Validates a parsed definition; see {@link #validate(String, String)}. */
    public static List<Diagnostic> validate(JsonNode definition, String type) {
        return validate(definition, type, false);
    }

    /** Validates a parsed definition; see {@link #validate(String, String, boolean)}. */
    public static List<Diagnostic> validate(JsonNode definition, String type, boolean expressCallbacks) {
        if (definition == null || !definition.isObject()) {
            return notAnObject();
        }
        if (deeperThan(definition, Json.MAX_NESTING_DEPTH)) {
            // A tree built in code has no parser to refuse it; the rules recurse as deep as the document.
            return List.of(Diagnostic.error(Messages.INVALID_JSON, Messages.tooDeep(Json.MAX_NESTING_DEPTH), null));
        }
        List<Diagnostic> diagnostics = new ArrayList<>(MachineRules.check((ObjectNode) definition,
                EXPRESS.equals(type), expressCallbacks).diagnostics());
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            JsonataRules.check(definition, diagnostics);
        }
        return diagnostics;
    }

    private static List<Diagnostic> notAnObject() {
        return List.of(Diagnostic.error(Messages.SCHEMA, Messages.NOT_AN_OBJECT, null));
    }

    /** Whether containers nest more than {@code limit} deep (the root counts 1), without recursion. */
    private static boolean deeperThan(JsonNode root, int limit) {
        record Level(JsonNode node, int depth) {
        }
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(root, 1));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (level.depth() > limit) {
                return true;
            }
            for (JsonNode child : level.node()) {
                if (child.isContainerNode()) {
                    pending.push(new Level(child, level.depth() + 1));
                }
            }
        }
        return false;
    }
}
