package io.quickstep.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The fields that belong to one state type only. */
public sealed interface StateDetails {

    /** Pass: a fixed Result, or null to pass the (parameterised) input on. */
    record Pass(JsonNode result) implements StateDetails {
    }

    /**
     * Task: the resource and its time limits. Each limit is a number, a path to one, or a JSONata
     * expression ({@code timeoutExpression}), or absent.
     */
    record Task(String resource, Integer timeoutSeconds, String timeoutSecondsPath, JsonNode timeoutExpression,
                Integer heartbeatSeconds, String heartbeatSecondsPath, JsonNode heartbeatExpression)
            implements StateDetails {
    }

    /** Choice: the rules in order and the Default state's name (or null). */
    record Choice(List<ChoiceRule> choices, String defaultNext) implements StateDetails {
    }

    /** Wait: exactly one of the four is set ({@code seconds} may also be a JSONata expression). */
    record Wait(JsonNode seconds, JsonNode timestamp, String secondsPath, String timestampPath) implements StateDetails {
    }

    record Succeed() implements StateDetails {
    }

    /** Fail: Error and Cause as literals (or JSONata) or as paths. */
    record Fail(JsonNode error, String errorPath, JsonNode cause, String causePath) implements StateDetails {
    }

    record Parallel(List<Definition> branches) implements StateDetails {
    }

    /**
     * Map: the item processor and how items are picked and how many failures are tolerated. The
     * number fields hold a JSON number, a JSONata string, or null; their Path forms a path or null.
     * (A distributed Map runs its items as an inline one does; the validator refuses ItemReader,
     * ItemBatcher and ResultWriter, which the engine cannot run yet; {@code distributed} says that
     * each item is a child execution of its own, with its own history, and {@code label}, if not
     * null, names its map runs.)
     */
    record Map(Definition processor, String itemsPath, JsonNode items, JsonNode itemSelector,
               JsonNode maxConcurrency, String maxConcurrencyPath,
               JsonNode toleratedFailurePercentage, String toleratedFailurePercentagePath,
               JsonNode toleratedFailureCount, String toleratedFailureCountPath, boolean distributed,
               String label)
            implements StateDetails {
    }
}
