package io.quickstep.compiler;

/** A Fail state's error and cause, each a constant, a path or intrinsic call (or absent). */
public record FailSpec(String error, PayloadTemplate errorPath, String cause, PayloadTemplate causePath) {
}
