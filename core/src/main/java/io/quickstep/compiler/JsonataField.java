package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.jsonata.JsonataScope;
import io.quickstep.jsonata.JsonataTemplate;

/**
 * A state field written in JSONata (a template whose strings may be {@code {% expressions %}}),
 * with the field's name, which AWS's error causes quote.
 */
public record JsonataField(JsonataTemplate template, String field) {

    public JsonNode evaluate(JsonataScope scope) {
        return template.evaluate(scope, field);
    }

    /** The expression text when the whole field is one expression, else the literal's text. */
    public String text() {
        return template.expression() != null ? template.expression().text() : field;
    }
}
