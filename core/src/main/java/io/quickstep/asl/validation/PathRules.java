package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Fields whose value is a path: a JSONPath path, a Reference Path, or either of them or an intrinsic call. */
final class PathRules {
    private PathRules() {
    }

    /** InputPath, OutputPath: a JSONPath path, or null (the state then reads or passes on {}). */
    static void path(Fields fields, String name) {
        String text = text(fields, name, true);
        if (text != null && ExpressionChecks.pathProblem(text) != null) {
            fields.error(name, Messages.NOT_A_PATH);
        }
    }

    /** ResultPath (null allowed: the result is discarded), ItemsPath and the *Path fields of states. */
    static void referencePath(Fields fields, String name, boolean nullable) {
        String text = text(fields, name, nullable);
        if (text == null) {
            return;
        }
        if (ExpressionChecks.referencePathProblem(text) != null) {
            boolean isPath = ExpressionChecks.pathProblem(text) == null;
            fields.error(name, isPath ? Messages.NOT_A_REFERENCE_PATH : Messages.NOT_A_PATH);
        }
    }

    /** ErrorPath, CausePath: a Reference Path or an intrinsic function call such as States.Format(...). */
    static void referencePathOrIntrinsic(Fields fields, String name) {
        String text = text(fields, name, false);
        if (text != null && (ExpressionChecks.isIntrinsic(text)
                ? ExpressionChecks.intrinsicProblem(text) : ExpressionChecks.referencePathProblem(text)) != null) {
            fields.error(name, Messages.pathOrIntrinsic(name));
        }
    }

    /** A Choice rule's Variable or *Path comparison, which AWS words "Value is not a Reference Path: why". */
    static void rulePath(Fields fields, String name) {
        String text = text(fields, name, false);
        String problem = text == null ? null : ExpressionChecks.referencePathProblem(text);
        if (problem != null) {
            fields.error(name, Messages.referencePath(problem));
        }
    }

    /** The field's text; null when absent, JSON null where allowed, or (reported) not a string. */
    private static String text(Fields fields, String name, boolean nullable) {
        JsonNode value = fields.get(name);
        if (value == null || nullable && value.isNull()) {
            return null;
        }
        return fields.string(name);
    }
}
