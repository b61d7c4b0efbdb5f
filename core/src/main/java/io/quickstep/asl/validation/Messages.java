package io.quickstep.asl.validation;

import java.util.List;

/**
 * AWS's diagnostic codes and the wording of its messages. Lists print as {@code [a, b]}, as AWS
 * prints them.
 */
final class Messages {
    static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
    static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
    static final String MISSING_END = "MISSING_END_STATE";
    static final String DUPLICATE_NAME = "DUPLICATE_STATE_NAME";
    /** Not one of AWS's: what AWS accepts but this engine cannot run yet. */
    static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";

    static final String NOT_AN_OBJECT = "Definition must be a valid JSON object";
    static final String EMPTY = "Value cannot be empty";
    static final String INTEGER = "Expected value of type Integer";
    static final String RFC3339 = "String does not match RFC3339 timestamp";
    static final String NOT_A_PATH = "Value must be a valid JSONPath.";
    static final String NOT_A_REFERENCE_PATH = "Value is not a Reference Path";
    static final String NO_TERMINAL_STATE = "Workflow has no terminal state";
    static final String STATES_ALL = "States.ALL must appear alone and at end of list";
    static final String NOT_AN_ARN = "Value is not a valid resource ARN";
    static final String ONE_SELECTOR =
            "The object must have only one of the following fields, [And, Or, Not, Variable, Condition]";
    static final String DISTRIBUTED_PARTS = "ItemReader, ItemBatcher and ResultWriter are not supported yet";

    private Messages() {
    }

    static String tooLong(int limit) {
        return "Definition must have length less than or equal to " + limit;
    }

    static String tooDeep(int limit) {
        return "Document nesting depth exceeds the maximum allowed (" + limit + ")";
    }

    static String required(List<String> fields) {
        return "These fields are required: " + fields;
    }

    static String notSupported(String field) {
        return "Field '" + field + "' is not supported";
    }

    /** A JSON type name in AWS's spelling: STRING, BOOLEAN, NUMBER, OBJECT, ARRAY. */
    static String expectedType(String type) {
        return "Expected value of type [" + type + "]";
    }

    /** Two or more of fields that exclude each other are present. */
    static String onlyOne(List<String> fields) {
        return "There should only be one of the following fields: " + fields;
    }

    /** None of fields of which exactly one is needed is present. */
    static String exactlyOne(List<String> fields) {
        return "This object should have only one of the following fields: " + fields;
    }

    static String oneOf(List<String> values) {
        return "Value should be one of the following: " + values;
    }

    static String minimum(String value) {
        return "Minimum value is " + value;
    }

    static String maximum(String value) {
        return "Maximum value is " + value;
    }

    static String onlyFor(QueryLanguage current, String field, QueryLanguage needed) {
        return "The QueryLanguage is set to '" + current + "', but field '" + field
                + "' is only supported for the '" + needed + "' QueryLanguage";
    }

    static String downgrade() {
        return "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine";
    }

    static String referencePath(String why) {
        return NOT_A_REFERENCE_PATH + ": " + why;
    }

    static String pathOrIntrinsic(String field) {
        return "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call";
    }

    static String missingTarget(String target) {
        return "Missing 'Next' target: " + target;
    }

    static String unreachable(String state) {
        return "State \"" + state + "\" is not reachable.";
    }

    static String duplicateName(String state) {
        return "Duplicate State name: " + state;
    }

    /** The engine's own wording, as AWS's ValidateStateMachineDefinition has not been recorded on it. */
    static String invalidVariableName(String name) {
        return "Invalid variable name '" + name + "': a name starts with a letter or underscore, continues with"
                + " letters, digits or underscores, is at most 80 characters long and is not 'states'";
    }

    static String fieldRequired(String field) {
        return "The field '" + field + "' is required but was missing";
    }

    static String unrecognizedResource(String resource) {
        return "The resource provided " + resource + " is not recognized. The value is not a valid resource ARN,"
                + " or the resource is not available in this region.";
    }

    /** AWS's wording; the space at the end of the '.waitForTaskToken' message is AWS's too. */
    /** The warning where an Express machine uses .waitForTaskToken and Quickstep lets it. */
    static String expressCallback() {
        return "AWS's Express state machines do not support '.waitForTaskToken' service integrations;"
                + " Quickstep runs this one within the Express limits";
    }

    static String expressPattern(String pattern) {
        return "Express state machine does not support '" + pattern + "' service integration"
                + (pattern.equals(".waitForTaskToken") ? " " : "");
    }
}
