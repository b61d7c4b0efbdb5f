package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Map states: the items, the processor that runs for each of them, and the failure tolerance. */
final class MapRules {
    private static final List<String> PROCESSORS = List.of("ItemProcessor", "Iterator");
    private static final Set<String> PROCESSOR_FIELDS = processorFields();
    private static final Set<String> CONFIG_FIELDS = Set.of("Mode", "ExecutionType");
    /** The distributed Map's fields that read items from and write results to S3. */
    private static final List<String> DISTRIBUTED_PARTS = List.of("ItemReader", "ItemBatcher", "ResultWriter");

    private MapRules() {
    }

    private static Set<String> processorFields() {
        Set<String> fields = new HashSet<>(ScopeRules.BRANCH_FIELDS);
        fields.add("ProcessorConfig");
        return Set.copyOf(fields);
    }

    static void check(StateNode state) {
        Fields fields = state.fields;
        processor(state);
        if (state.uses("ItemsPath")) {
            PathRules.referencePath(fields, "ItemsPath", false);
        }
        if (state.uses("Items")) {
            items(fields);
        }
        if (state.uses("ItemSelector") && state.language == QueryLanguage.JSONPATH) {
            PayloadRules.check(state.ctx(), fields.get("ItemSelector"), fields.at("ItemSelector"));
        }
        for (String field : DISTRIBUTED_PARTS) {
            fields.object(field);
        }
        if (DISTRIBUTED_PARTS.stream().anyMatch(fields::has)) {
            state.ctx().error(Messages.UNSUPPORTED, Messages.DISTRIBUTED_PARTS, fields.at);
        }
        fields.string("Label");
        fields.integer("MaxConcurrency", 0, null, state.language);
        fields.integer("ToleratedFailureCount", 0, null, state.language);
        fields.number("ToleratedFailurePercentage", BigDecimal.ZERO, BigDecimal.valueOf(100), state.language);
        for (String field : List.of("MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage")) {
            fields.exclusive(field, field + "Path");
            if (state.uses(field + "Path")) {
                PathRules.referencePath(fields, field + "Path", false);
            }
        }
    }

    /** Exactly one of ItemProcessor and its older name Iterator: a block of states with its config. */
    private static void processor(StateNode state) {
        Fields fields = state.fields;
        if (!fields.has("ItemProcessor") && !fields.has("Iterator")) {
            fields.error(Messages.exactlyOne(PROCESSORS));
            return;
        }
        fields.exclusive("ItemProcessor", "Iterator");
        for (String name : PROCESSORS) {
            Fields processor = fields.object(name);
            if (processor != null) {
                processor.allowOnly(PROCESSOR_FIELDS);
                config(processor.object("ProcessorConfig"));
                ScopeRules.check(state.ctx(), processor, false);
            }
        }
    }

    /** INLINE (the default) runs items in this execution; DISTRIBUTED in child executions of a type. */
    private static void config(Fields config) {
        if (config == null) {
            return;
        }
        config.allowOnly(CONFIG_FIELDS);
        String mode = config.choice("Mode", List.of("INLINE", "DISTRIBUTED"));
        config.choice("ExecutionType", List.of("STANDARD", "EXPRESS"));
        if ("DISTRIBUTED".equals(mode)) {
            config.require("ExecutionType");
        } else if (config.has("ExecutionType")) {
            config.error(Messages.notSupported("ExecutionType"));
        }
    }

    /** A JSONata Map's items: an array, or an expression that yields one. */
    private static void items(Fields fields) {
        JsonNode items = fields.get("Items");
        if (!items.isArray() && !items.isTextual()) {
            fields.error("Items", Messages.expectedType("ARRAY"));
        }
    }
}
