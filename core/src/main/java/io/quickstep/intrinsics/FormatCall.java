package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.path.PathScope;

/**
 * {@code States.Format(template, values...)}. A literal template is parsed when the call is
 * compiled; one from a path or a nested call is parsed each time.
 */
final class FormatCall extends Argument {
    private static final String NAME = Function.FORMAT.displayName;
    private static final String COUNT_MISMATCH =
            "Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.";

    private final Template literalTemplate;
    private final Argument[] arguments;

    /** @param literalTemplate the parsed template when it is written as a literal, else null */
    FormatCall(Template literalTemplate, Argument[] arguments) {
        this.literalTemplate = literalTemplate;
        this.arguments = arguments;
    }

    @Override
    JsonNode evaluate(PathScope scope) {
        JsonNode[] values = new JsonNode[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i].evaluate(scope);
        }
        Template template = literalTemplate != null ? literalTemplate : Template.parse(Args.string(values[0], NAME));
        if (template.malformed()) {
            throw IntrinsicError.invalidArguments(NAME);
        }
        if (template.placeholders() != values.length - 1) {
            throw new IntrinsicError(COUNT_MISMATCH);
        }
        return Json.NODES.textNode(template.render(values, 1));
    }

    @Override
    boolean readsContext() {
        return anyReadsContext(arguments);
    }
}
