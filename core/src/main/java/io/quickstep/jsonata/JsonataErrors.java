package io.quickstep.jsonata;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;

import java.util.regex.Pattern;

/**
 * The {@code States.QueryEvaluationError} failures of JSONata states, worded as AWS words them.
 * Causes leave out AWS's opening "An error occurred while executing the state 'X' (entered at the
 * event id #N). ", which the VM adds. {@code field} names the state field the expression stands in,
 * as AWS does: {@code Items}, {@code Output}, {@code Arguments/Payload}, {@code Output[0]}.
 */
public final class JsonataErrors {
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{4}");
    /** Stand-ins for the two values JSONata puts into a message, so its wording can be fixed apart from them. */
    private static final String FIRST = "\u0000first\u0000";
    private static final String SECOND = "\u0000second\u0000";

    private JsonataErrors() {
    }

    /** The expression evaluated to nothing, which no JSON field can hold. */
    public static ExecutionFailure undefinedResult(String expression, String field) {
        return failure(sentence(expression, field) + " returned nothing (undefined).");
    }

    /** The expression evaluated to something JSON cannot hold, such as a function. */
    public static ExecutionFailure unsupportedResult(String expression, String field) {
        return failure(sentence(expression, field) + " returned an unsupported result type.");
    }

    /**
     * The expression's value does not have the JSON type the field needs, e.g. {@code Items} not an
     * array: {@code expected} is a {@link #typeName} such as {@code array}.
     */
    public static ExecutionFailure unexpectedType(String expression, String field, String expected, JsonNode value) {
        return failure(sentence(expression, field) + " returned an unexpected result type. Expected '" + expected
                + "', but was '" + typeName(value) + "' for value: " + Json.write(value));
    }

    /** A Wait state's {@code Timestamp} evaluated to a string that is no ISO-8601 date-time with offset. */
    public static ExecutionFailure invalidTimestamp(String text) {
        return failure("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                + text);
    }

    /** A Map state without {@code Items} got an input that is not an array. */
    public static ExecutionFailure mapInputNotArray(JsonNode input) {
        return failure("Map state input must be an array but was: " + Json.write(input));
    }

    /** JSONata's name of a JSON value's type: null, number, string, boolean, array or object. */
    public static String typeName(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case NUMBER -> "number";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> throw new IllegalArgumentException("Not a JSON value: " + value.getNodeType());
        };
    }

    /**
     * The expression failed while running. A JSONata error reads ". CODE: message"; an error that
     * carries no JSONata code (a bound on the evaluation, a Step Functions function refusing its
     * arguments) reads ": message".
     */
    static ExecutionFailure evaluationFailed(String expression, String field, Throwable error) {
        String sentence = sentence(expression, field) + " threw an error during evaluation";
        if (error instanceof JException jsonata && CODE.matcher(jsonata.getError()).matches()) {
            return failure(sentence + ". " + jsonata.getError() + ": " + message(jsonata));
        }
        return failure(sentence + ": " + description(error));
    }

    /** JSONata's message for an error, worded as the JavaScript JSONata (and AWS) word it. */
    static String message(JException error) {
        // The Java port of JSONata wrote 'Object' for each 'function' of the message catalog, and
        // renders {{{raw}}} values as {"raw"}; fix the wording before the values go in.
        String template = JException.msg(error.getError(), -1, FIRST, SECOND).replaceAll("\\bObject\\b", "function");
        return template
                .replace("{\"" + FIRST + "\"}", String.valueOf(error.getCurrent()))
                .replace("\"" + FIRST + "\"", quoted(error.getCurrent()))
                .replace("\"" + SECOND + "\"", quoted(error.getExpected()));
    }

    private static String description(Throwable error) {
        if (error instanceof StackOverflowError) {
            return "Stack overflow error: the expression nests or recurses too deeply";
        }
        // The library's evaluation bounds put their whole sentence where the code goes.
        return error instanceof JException jsonata ? jsonata.getError() : String.valueOf(error.getMessage());
    }

    /** A value as JSONata's messages quote it: numbers and booleans bare, tokens and text in double quotes. */
    private static String quoted(Object value) {
        return value instanceof Number || value instanceof Boolean
                ? String.valueOf(value)
                : Json.write(Json.NODES.textNode(String.valueOf(value)));
    }

    private static String sentence(String expression, String field) {
        return "The JSONata expression '" + expression + "' specified for the field '" + field + "'";
    }

    private static ExecutionFailure failure(String cause) {
        return new ExecutionFailure(StatesErrors.QUERY_EVALUATION_ERROR, cause);
    }
}
