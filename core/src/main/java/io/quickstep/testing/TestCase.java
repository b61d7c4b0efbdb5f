package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case file of the conformance corpus (format: {@code conformance/README.md} beside the
 * cases): an execution to run and its expected result, or, for {@link Kind#VALIDATION}, a
 * definition and what AWS said about it, or, for {@link Kind#LOGS}, an execution and the
 * CloudWatch Logs records AWS wrote for it ({@code expected} is the {@code expected_logs} list; the
 * {@code logging_configuration} is in {@code file}). {@link Kind#API} cases are read too, so that a
 * runner can report them, but only their id, kind, tags and {@code file} are set: the engine alone
 * does not run them ({@code quickstep test} runs them against an embedded Step Functions service).
 *
 * @param id             {@code <area>/<test>#<n>}
 * @param kind           execution, validation, logs or API
 * @param definitionText the definition exactly as sent to the engine
 * @param definition     the parsed definition, or null when the case gives text that is not a JSON object
 * @param input          the execution input (validation cases: null)
 * @param expected       the {@code expected} object, compared by {@link ResultMatcher}; for a logs
 *                       case the {@code expected_logs} list
 * @param ignore         paths into {@code expected} that are not compared
 * @param tags           the case's tags, e.g. {@code jsonata}, {@code mocked-tasks}
 * @param mocks          Task state name to its recorded answers; empty when the case has none
 * @param type           the state machine type, {@code STANDARD} or {@code EXPRESS}
 * @param file           the whole case file as read
 */
public record TestCase(String id, Kind kind, String definitionText, JsonNode definition, JsonNode input,
                       JsonNode expected, Set<String> ignore, List<String> tags,
                       Map<String, List<MockAnswer>> mocks, String type, JsonNode file) {

    /** What a case holds: an execution, a validation, a sequence of API calls, an execution's logs. */
    public enum Kind { EXECUTION, VALIDATION, API, LOGS }

    /** Keys of a state (or of a Choice rule or Catcher) that only JSONata or variables give meaning to. */
    private static final List<String> VARIABLE_KEYS = List.of("Assign", "Arguments", "Output");

    /**
     * Reads a parsed case file.
     *
     * @param fallbackId the id to use when the file has none (users' own cases may leave it out)
     */
    public static TestCase parse(JsonNode file, String fallbackId) throws CaseFormatException {
        if (!file.isObject()) {
            throw new CaseFormatException("a case file holds one JSON object");
        }
        String id = file.path("id").isTextual() ? file.get("id").asText() : fallbackId;
        Kind kind = switch (file.path("kind").asText("execution")) {
            case "execution" -> Kind.EXECUTION;
            case "validation" -> Kind.VALIDATION;
            case "api" -> Kind.API;
            case "logs" -> Kind.LOGS;
            default -> throw new CaseFormatException("kind: expected \"validation\", \"api\", \"logs\" or no kind");
        };
        if (kind == Kind.API) {
            if (!file.path("steps").isArray()) {
                throw new CaseFormatException("steps: an API case holds a list of steps");
            }
            return new TestCase(id, kind, null, null, null, null, Set.copyOf(strings(file, "ignore")),
                    List.copyOf(strings(file, "tags")), Map.of(), file.path("type").asText("EXPRESS"), file);
        }
        JsonNode definition = file.get("definition");
        JsonNode text = file.get("definition_text");
        if ((definition != null && definition.isObject()) == (text != null && text.isTextual())) {
            throw new CaseFormatException(
                    "expected exactly one of definition (an object) and definition_text (a string)");
        }
        JsonNode expected = file.get(kind == Kind.LOGS ? "expected_logs" : "expected");
        if (kind == Kind.LOGS) {
            if (expected == null || !expected.isArray()) {
                throw new CaseFormatException("expected_logs: missing or not a list");
            }
            if (!file.path("logging_configuration").isObject()) {
                throw new CaseFormatException("logging_configuration: missing or not an object");
            }
        } else if (expected == null || !expected.isObject()) {
            throw new CaseFormatException("expected: missing or not an object");
        }
        if (kind == Kind.EXECUTION && !expected.path("status").isTextual()) {
            throw new CaseFormatException("expected.status: missing");
        }
        if (kind == Kind.VALIDATION && !expected.has("validate") && !expected.has("create")) {
            throw new CaseFormatException("expected: a validation case expects validate and/or create");
        }
        JsonNode mocks = file.get("mocks");
        JsonNode input = null;
        if (kind == Kind.EXECUTION || kind == Kind.LOGS) {
            // As on AWS, an execution started without input gets {}.
            input = file.has("input") ? file.get("input") : Json.NODES.objectNode();
        }
        return new TestCase(id, kind,
                definition != null ? Json.write(definition) : text.asText(),
                definition,
                input,
                expected,
                Set.copyOf(strings(file, "ignore")),
                List.copyOf(strings(file, "tags")),
                mocks == null ? Map.of() : MockAnswer.parseAll(mocks),
                file.path("type").asText("EXPRESS"),
                file);
    }

    /** The corpus area: the id up to its first {@code /}. */
    public String area() {
        int slash = id.indexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }

    /**
     * Whether the case needs JSONata or workflow variables: tagged {@code jsonata}, or its definition
     * sets {@code QueryLanguage: JSONata} or uses {@code Assign}, {@code Arguments} or {@code Output}.
     */
    public boolean usesJsonataOrVariables() {
        return tags.contains("jsonata") || (definition != null && machineUsesJsonataOrVariables(definition));
    }

    /** A state machine name valid for AWS, stable for this case and definition. */
    public String machineName() {
        String base = id.replaceAll("[^A-Za-z0-9_-]+", "_");
        base = base.substring(0, Math.min(60, base.length()));
        return "conf-" + base + "-" + sha256(definitionText).substring(0, 10);
    }

    /** An execution name valid for AWS, stable for this case. */
    public String executionName() {
        return "case-" + sha256(id).substring(0, 24);
    }

    private static boolean machineUsesJsonataOrVariables(JsonNode definition) {
        for (JsonNode machine : DefinitionTree.machines(definition)) {
            if (isJsonata(machine)) {
                return true;
            }
            for (JsonNode state : machine.path("States")) {
                if (isJsonata(state) || hasVariableKey(state)) {
                    return true;
                }
                for (JsonNode rule : flatten(state.path("Choices"), state.path("Catch"))) {
                    if (hasVariableKey(rule)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isJsonata(JsonNode node) {
        return "JSONata".equals(node.path("QueryLanguage").asText());
    }

    private static boolean hasVariableKey(JsonNode node) {
        return VARIABLE_KEYS.stream().anyMatch(node::has);
    }

    /** The elements of the arrays among {@code nodes}, and the other nodes that are present. */
    private static List<JsonNode> flatten(JsonNode... nodes) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                node.forEach(all::add);
            } else if (!node.isMissingNode()) {
                all.add(node);
            }
        }
        return all;
    }

    private static Set<String> strings(JsonNode file, String field) throws CaseFormatException {
        Set<String> values = new LinkedHashSet<>();
        JsonNode list = file.get(field);
        if (list == null) {
            return values;
        }
        if (!list.isArray()) {
            throw new CaseFormatException(field + ": expected a list of strings");
        }
        for (JsonNode value : list) {
            if (!value.isTextual()) {
                throw new CaseFormatException(field + ": expected a list of strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
