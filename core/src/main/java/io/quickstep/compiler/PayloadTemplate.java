package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.intrinsics.Intrinsic;
import io.quickstep.intrinsics.Intrinsics;
import io.quickstep.json.Json;
import io.quickstep.json.JsonSize;
import io.quickstep.path.JsonPath;
import io.quickstep.path.PathScope;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compiled JSONPath payload template (Parameters, ResultSelector, ItemSelector): keys ending in
 * {@code .$} take their value from a path or an intrinsic call; everything else is copied as is.
 * Static sub-trees are shared, never copied: the template holds them once and every evaluation
 * links to them.
 */
public abstract class PayloadTemplate {

    /** Stands for "no bound known": more than any payload may be, so the VM measures the value. */
    public static final long UNBOUNDED = Long.MAX_VALUE / 4;

    public abstract JsonNode evaluate(PathScope scope);

    /**
     * An upper bound of the size in bytes of what {@link #evaluate} returns, given one of the
     * input's size: a path selects a part of the input, so it is never larger; intrinsic calls and
     * context paths are {@link #UNBOUNDED}.
     */
    public abstract long sizeBound(long inputBytes);

    /** Whether evaluating the template reads the context object: some selector is a {@code $$} path or passes one. */
    public abstract boolean readsContext();

    /** A literal value (a Pass state's Result): returned as is, {@code .$} keys included. */
    public static PayloadTemplate constant(JsonNode value) {
        return new Constant(value);
    }

    /** Compiles a template; a tree with no {@code .$} key anywhere compiles to a constant. */
    public static PayloadTemplate compile(JsonNode template) {
        if (!isDynamic(template)) {
            return new Constant(template);
        }
        if (template.isArray()) {
            PayloadTemplate[] items = new PayloadTemplate[template.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = compile(template.get(i));
            }
            return new ArrayTemplate(items);
        }
        int size = template.size();
        String[] keys = new String[size];
        PayloadTemplate[] values = new PayloadTemplate[size];
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.endsWith(".$") && field.getValue().isTextual()) {
                keys[i] = key.substring(0, key.length() - 2);
                values[i] = selector(key, field.getValue().asText());
            } else {
                keys[i] = key;
                values[i] = compile(field.getValue());
            }
        }
        return new ObjectTemplate(keys, values);
    }

    private static boolean anyReadsContext(PayloadTemplate[] templates) {
        for (PayloadTemplate template : templates) {
            if (template.readsContext()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDynamic(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (isDynamic(item)) {
                    return true;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().endsWith(".$") && field.getValue().isTextual() || isDynamic(field.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A path or intrinsic call given as the value of {@code field} (a {@code key.$} of a template,
     * or a field such as a Fail state's ErrorPath, which accepts both).
     */
    public static PayloadTemplate selector(String field, String expression) {
        if (Intrinsics.isIntrinsic(expression)) {
            return new IntrinsicSelector(expression, Intrinsics.compile(expression));
        }
        return new PathSelector(JsonPath.compile(expression), field);
    }

    /** A value with no {@code .$} key in it: returned as is. */
    static final class Constant extends PayloadTemplate {
        private final JsonNode value;

        private final long bytes;

        Constant(JsonNode value) {
            this.value = value;
            this.bytes = JsonSize.of(value, UNBOUNDED);
        }

        JsonNode value() {
            return value;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            return value;
        }

        @Override
        public long sizeBound(long inputBytes) {
            return bytes;
        }

        @Override
        public boolean readsContext() {
            return false;
        }
    }

    static final class ObjectTemplate extends PayloadTemplate {
        private final String[] keys;
        private final PayloadTemplate[] values;

        /** Braces, member names and punctuation: the part of the size that never changes. */
        private final long fixedBytes;

        ObjectTemplate(String[] keys, PayloadTemplate[] values) {
            long fixed = 2;
            for (String key : keys) {
                fixed += JsonSize.utf8Length(key) + 4;
            }
            this.fixedBytes = fixed;
            this.keys = keys;
            this.values = values;
        }

        /** The output keys, without the {@code .$} of those whose value is a selector. */
        List<String> keys() {
            return List.of(keys);
        }

        List<PayloadTemplate> values() {
            return List.of(values);
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            final String[] keys = this.keys;
            final PayloadTemplate[] values = this.values;
            ObjectNode result = Json.NODES.objectNode();
            for (int i = 0; i < keys.length; i++) {
                result.set(keys[i], values[i].evaluate(scope));
            }
            return result;
        }

        @Override
        public long sizeBound(long inputBytes) {
            long total = fixedBytes;
            for (PayloadTemplate value : values) {
                total = Math.min(UNBOUNDED, total + value.sizeBound(inputBytes));
            }
            return total;
        }

        @Override
        public boolean readsContext() {
            return anyReadsContext(values);
        }
    }

    static final class ArrayTemplate extends PayloadTemplate {
        private final PayloadTemplate[] items;

        ArrayTemplate(PayloadTemplate[] items) {
            this.items = items;
        }

        List<PayloadTemplate> items() {
            return List.of(items);
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            ArrayNode result = Json.NODES.arrayNode(items.length);
            for (PayloadTemplate item : items) {
                result.add(item.evaluate(scope));
            }
            return result;
        }

        @Override
        public long sizeBound(long inputBytes) {
            long total = 2;
            for (PayloadTemplate item : items) {
                total = Math.min(UNBOUNDED, total + 1 + item.sizeBound(inputBytes));
            }
            return total;
        }

        @Override
        public boolean readsContext() {
            return anyReadsContext(items);
        }
    }

    /** {@code "key.$": "$.path"}: the value at the path, or States.Runtime when nothing is there. */
    static final class PathSelector extends PayloadTemplate {
        private final JsonPath path;
        private final String field;

        PathSelector(JsonPath path, String field) {
            this.path = path;
            this.field = field;
        }

        JsonPath path() {
            return path;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            JsonNode value = path.read(scope);
            if (value == null) {
                throw new ExecutionFailure(StatesErrors.RUNTIME, "The JSONPath '" + path.text()
                        + "' specified for the field '" + field + "' could not be found in the input '"
                        + Json.write(scope.input()) + "'");
            }
            return value;
        }

        @Override
        public long sizeBound(long inputBytes) {
            // A context path can reach the execution input, which may be larger than this input; an
            // indefinite path can match overlapping sub-trees ($..*).
            return path.isDefinite() && !path.isContextPath() && path.variableName() == null ? inputBytes : UNBOUNDED;
        }

        @Override
        public boolean readsContext() {
            return path.isContextPath();
        }
    }

    static final class IntrinsicSelector extends PayloadTemplate {
        private final String expression;
        private final Intrinsic intrinsic;

        IntrinsicSelector(String expression, Intrinsic intrinsic) {
            this.expression = expression;
            this.intrinsic = intrinsic;
        }

        /** The call as written, for the disassembler. */
        String expression() {
            return expression;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            return intrinsic.evaluate(scope);
        }

        @Override
        public long sizeBound(long inputBytes) {
            return UNBOUNDED;
        }

        @Override
        public boolean readsContext() {
            return intrinsic.readsContext();
        }
    }
}
