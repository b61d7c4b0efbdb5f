package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One invocation of a Task state's resource.
 *
 * @param stateName the Task state's name
 * @param resource  the state's {@code Resource} string as written in the definition
 * @param input     the effective input (after InputPath and Parameters/Arguments)
 * @param context   the context object at the time of the call
 */
public record TaskRequest(String stateName, String resource, JsonNode input, JsonNode context) {
}
