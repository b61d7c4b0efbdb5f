package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One invocation of a Task state's resource.
 *
 * @param stateName the Task state's name
 * @param resource  the state's {@code Resource} string as written in the definition
 * @param input     the effective input (after InputPath and Parameters/Arguments); for a Lambda
 *                  function's handler registered in {@link TaskHandlers} and called through
 *                  {@code arn:aws:states:::lambda:invoke}, what Lambda gives the function: the
 *                  {@code Payload} parameter ({@code {}} when it is absent or null, the JSON a
 *                  string holds when it is a string), not the whole parameters object
 * @param context   the context object at the time of the call (null when the state machine never
 *                  reads it)
 */
public record TaskRequest(String stateName, String resource, JsonNode input, JsonNode context) {
}
