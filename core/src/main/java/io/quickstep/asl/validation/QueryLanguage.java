package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** The language a state's fields are written in, and which fields belong to only one of them. */
enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    static final List<String> NAMES = List.of("JSONPath", "JSONata");

    /** Fields that only a JSONPath state may have (state level and in catchers). */
    static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "Result", "ItemsPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath",
            "TimestampPath", "ErrorPath", "CausePath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
            "ToleratedFailureCountPath");

    /** Fields that only a JSONata state may have (state level and in catchers). */
    static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    /** Choice rule fields of JSONPath rules; a JSONata rule has a Condition instead. */
    private static final Set<String> JSONPATH_RULE = Set.of("Variable", "And", "Or", "Not");

    private final String spelling;

    QueryLanguage(String spelling) {
        this.spelling = spelling;
    }

    /**
     * The language a present {@code QueryLanguage} value selects. As AWS resolves it, only the exact
     * string {@code "JSONPath"} selects JSONPath; any other value, invalid ones included (they are
     * reported separately), selects JSONata.
     */
    static QueryLanguage of(JsonNode value) {
        return value.isTextual() && value.textValue().equals("JSONPath") ? JSONPATH : JSONATA;
    }

    /**
     * The language {@code fields} (the machine or a state) declares with QueryLanguage, or
     * {@code inherited} when it declares none; a value AWS refuses is reported.
     */
    static QueryLanguage declared(Fields fields, QueryLanguage inherited) {
        JsonNode value = fields.get("QueryLanguage");
        if (value == null) {
            return inherited;
        }
        fields.choice("QueryLanguage", NAMES);
        return of(value);
    }

    /**
     * The other language, when {@code field} (of a state, a catcher or a Choice rule) belongs to it
     * and so must not appear in this language's states; otherwise null.
     */
    QueryLanguage owner(String field) {
        boolean jsonPathField = JSONPATH_ONLY.contains(field) || JSONPATH_RULE.contains(field)
                || Comparisons.NAMES.contains(field);
        if (this == JSONATA && jsonPathField) {
            return JSONPATH;
        }
        boolean jsonataField = JSONATA_ONLY.contains(field) || field.equals("Condition");
        return this == JSONPATH && jsonataField ? JSONATA : null;
    }

    /** A JSONata expression as a field value: a string wrapped in {@code {% ... %}}; not parsed here. */
    static boolean isExpression(JsonNode value) {
        return value.isTextual() && value.textValue().startsWith("{%") && value.textValue().endsWith("%}");
    }

    @Override
    public String toString() {
        return spelling;
    }
}
