package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.jsonata.JsonataTemplate;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code {% ... %}} expression of a JSONata state must parse: the engine compiles them all
 * when the machine is created. Runs once the structure is known to be sound; walks each block of
 * states with the query language each state ends up with (its own, else the machine's).
 */
final class JsonataRules {
    /** Fields that hold nested blocks of states, checked as blocks of their own. */
    private static final Set<String> BLOCKS = Set.of("Branches", "ItemProcessor", "Iterator");

    private JsonataRules() {
    }

    static void check(JsonNode machine, List<Diagnostic> diagnostics) {
        block(machine, Location.ROOT, "JSONata".equals(machine.path("QueryLanguage").asText()), diagnostics);
    }

    private static void block(JsonNode block, Location at, boolean machineJsonata, List<Diagnostic> diagnostics) {
        JsonNode states = block.path("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode state = entry.getValue();
            Location stateAt = at.field("States").field(entry.getKey());
            JsonNode language = state.get("QueryLanguage");
            boolean jsonata = language == null ? machineJsonata : "JSONata".equals(language.asText());
            for (Iterator<Map.Entry<String, JsonNode>> fields = state.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Location fieldAt = stateAt.field(field.getKey());
                if (field.getKey().equals("Branches")) {
                    for (int i = 0; i < field.getValue().size(); i++) {
                        block(field.getValue().get(i), fieldAt.index(i), machineJsonata, diagnostics);
                    }
                } else if (BLOCKS.contains(field.getKey())) {
                    block(field.getValue(), fieldAt, machineJsonata, diagnostics);
                } else if (jsonata) {
                    expressions(field.getValue(), fieldAt, diagnostics);
                }
            }
        }
    }

    private static void expressions(JsonNode value, Location at, List<Diagnostic> diagnostics) {
        if (value.isTextual()) {
            if (JsonataTemplate.isExpression(value.textValue())) {
                try {
                    JsonataTemplate.compile(value); // as the compiler will, one expression at a time
                } catch (IllegalArgumentException e) {
                    diagnostics.add(Diagnostic.error(Messages.SCHEMA, e.getMessage(), at.toString()));
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                expressions(value.get(i), at.index(i), diagnostics);
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                expressions(field.getValue(), at.field(field.getKey()), diagnostics);
            }
        }
    }
}
