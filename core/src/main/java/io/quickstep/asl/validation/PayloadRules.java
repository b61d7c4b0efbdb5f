package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Payload templates of JSONPath states (Parameters, ResultSelector, ItemSelector, Assign,
 * Credentials): at any depth, the value of a key ending in {@code .$} is a path or an intrinsic
 * function call, evaluated at run time.
 */
final class PayloadRules {
    private PayloadRules() {
    }

    /** Recursion depth is bounded by the nesting limit the validator enforces on every document. */
    static void check(Context ctx, JsonNode template, Location at) {
        if (template.isObject()) {
            for (Map.Entry<String, JsonNode> member : template.properties()) {
                Location where = at.field(member.getKey());
                if (member.getKey().endsWith(".$")) {
                    selector(ctx, member.getKey(), member.getValue(), where);
                } else {
                    check(ctx, member.getValue(), where);
                }
            }
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                check(ctx, template.get(i), at.index(i));
            }
        }
    }

    private static void selector(Context ctx, String key, JsonNode value, Location at) {
        boolean valid = value.isTextual() && (ExpressionChecks.isIntrinsic(value.textValue())
                ? ExpressionChecks.intrinsicProblem(value.textValue()) == null
                : ExpressionChecks.pathProblem(value.textValue()) == null);
        if (!valid) {
            ctx.schema(Messages.pathOrIntrinsic(key), at);
        }
    }
}
