package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Workflow variables of one frame: its own assignments, then those of the frames it runs inside.
 * A Parallel branch or Map iteration reads the variables of the state that started it but writes
 * only its own, so nothing assigned inside flows back out (AWS's scoping rule); the parent frame
 * waits while its children run, so reading through to it sees the values at the fork.
 */
final class Variables {
    private final Variables outer;
    private Map<String, JsonNode> own;

    Variables(Variables outer) {
        this.outer = outer;
    }

    JsonNode get(String name) {
        for (Variables scope = this; scope != null; scope = scope.outer) {
            if (scope.own != null) {
                JsonNode value = scope.own.get(name);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * Sets every field of {@code assignments} as a variable of this scope.
     *
     * @return how many bytes of stored variables this adds (less what it replaces)
     */
    long assignAll(JsonNode assignments) {
        if (own == null) {
            own = new HashMap<>();
        }
        long added = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = assignments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = own.put(field.getKey(), field.getValue());
            added += DataLimit.measure(field.getValue()) - (old == null ? 0 : DataLimit.measure(old));
        }
        return added;
    }
}
