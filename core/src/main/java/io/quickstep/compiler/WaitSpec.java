package io.quickstep.compiler;

import io.quickstep.path.JsonPath;

/** A Wait state's duration: exactly one of the four is set. */
public record WaitSpec(Long seconds, String timestamp, JsonPath secondsPath, JsonPath timestampPath) {
}
