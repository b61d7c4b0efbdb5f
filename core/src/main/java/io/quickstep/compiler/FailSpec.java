package io.quickstep.compiler;

/**
 * A Fail state's error and cause, each a constant, a path or intrinsic call, a JSONata field, or
 * absent.
 */
public record FailSpec(String error, PayloadTemplate errorPath, JsonataField errorExpression,
                       String cause, PayloadTemplate causePath, JsonataField causeExpression) {
}
