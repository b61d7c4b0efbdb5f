package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CompletionStage;

/** One API operation: answers at once, or later (a synchronous execution), or throws an {@link AwsException}. */
@FunctionalInterface
interface Operation {
    CompletionStage<JsonNode> call(Request request);
}
