package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A JSON value whose strings may be JSONata expressions, as in {@code Arguments}, {@code Output},
 * the values of {@code Assign}, or a whole field such as {@code "Items": "{% $states.input.items %}"}.
 * A string is an expression when it starts with {@code {%} and ends with {@code %}}, nothing around
 * them; any other value is literal. Literal parts are shared with the definition, never copied.
 */
public final class JsonataTemplate {
    private static final String OPEN = "{%";
    private static final String CLOSE = "%}";

    private final Part root;
    private final JsonNode source;

    private JsonataTemplate(Part root, JsonNode source) {
        this.root = root;
        this.source = source;
    }

    /** Compiles every expression in {@code template}; throws {@link JsonataSyntaxException} naming where a bad one sits. */
    public static JsonataTemplate compile(JsonNode template) {
        return new JsonataTemplate(part(template, "", ""), template);
    }

    /** Whether a string value is an expression rather than literal text. */
    public static boolean isExpression(String text) {
        return text.length() >= OPEN.length() + CLOSE.length() && text.startsWith(OPEN) && text.endsWith(CLOSE);
    }

    /**
     * The value of the template. Throws {@link ExecutionFailure} {@code States.QueryEvaluationError}
     * when an expression fails or evaluates to nothing; {@code field} (e.g. {@code Arguments}) names
     * the state field in the cause, extended to the expression's place in it ({@code Arguments/Payload}).
     */
    public JsonNode evaluate(JsonataScope scope, String field) {
        return root.evaluate(scope, field);
    }

    /** The template as written, in compact JSON. */
    @Override
    public String toString() {
        return io.quickstep.json.Json.write(source);
    }

    /** Whether one of the template's expressions may read the context object. */
    public boolean readsContext() {
        return root.readsContext();
    }

    /** True when the template holds no expression: its value is the template itself. */
    public boolean isConstant() {
        return root instanceof Literal;
    }

    /**
     * The expression when the whole template is one expression string, else null; its text is what
     * {@link JsonataErrors#unexpectedType} quotes when the value does not suit the field.
     */
    public JsonataExpression expression() {
        return root instanceof Expression expression ? expression.expression : null;
    }

    /**
     * {@code pointer} is where the value sits in the template as a JSON pointer, for syntax errors;
     * {@code place} is the same as AWS writes it after the field name in causes: {@code /Payload}
     * for a member, {@code [0]} for an item.
     */
    private static Part part(JsonNode value, String pointer, String place) {
        if (value.isTextual() && isExpression(value.textValue())) {
            String text = value.textValue();
            try {
                return new Expression(JsonataExpression.compile(
                        text.substring(OPEN.length(), text.length() - CLOSE.length()).strip()), place);
            } catch (JsonataSyntaxException e) {
                throw e.within(pointer);
            }
        }
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            List<Part> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                String name = member.getKey();
                names.add(name);
                members.add(part(member.getValue(), pointer + "/" + Json.pointerSegment(name),
                        place + "/" + name));
            }
            return members.stream().allMatch(Literal.class::isInstance)
                    ? new Literal(value)
                    : new ObjectPart(names.toArray(String[]::new), members.toArray(Part[]::new));
        }
        if (value.isArray()) {
            Part[] items = new Part[value.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = part(value.get(i), pointer + "/" + i, place + "[" + i + "]");
            }
            return Arrays.stream(items).allMatch(Literal.class::isInstance) ? new Literal(value) : new ArrayPart(items);
        }
        return new Literal(value);
    }

    private sealed interface Part permits Literal, Expression, ObjectPart, ArrayPart {
        JsonNode evaluate(JsonataScope scope, String field);

        boolean readsContext();

        static boolean anyReadsContext(Part[] parts) {
            return Arrays.stream(parts).anyMatch(Part::readsContext);
        }
    }

    private record Literal(JsonNode value) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            return value;
        }

        @Override
        public boolean readsContext() {
            return false;
        }
    }

    /** {@code place} is where the expression sits inside the field, "" for the field itself. */
    private record Expression(JsonataExpression expression, String place) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            JsonNode value = expression.evaluate(scope, field, place);
            if (value == null) {
                throw JsonataErrors.undefinedResult(expression.text(), field + place);
            }
            return value;
        }

        @Override
        public boolean readsContext() {
            return expression.readsContext();
        }
    }

    private record ObjectPart(String[] names, Part[] members) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            ObjectNode object = Json.NODES.objectNode();
            for (int i = 0; i < names.length; i++) {
                object.set(names[i], members[i].evaluate(scope, field));
            }
            return object;
        }

        @Override
        public boolean readsContext() {
            return Part.anyReadsContext(members);
        }
    }

    private record ArrayPart(Part[] items) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            ArrayNode array = Json.NODES.arrayNode(items.length);
            for (Part item : items) {
                array.add(item.evaluate(scope, field));
            }
            return array;
        }

        @Override
        public boolean readsContext() {
            return Part.anyReadsContext(items);
        }
    }
}
