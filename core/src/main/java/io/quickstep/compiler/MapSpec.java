package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.path.JsonPath;

/**
 * A Map state's settings. Number settings are a constant (a JSON number), a path, or absent.
 *
 * @param itemsPath    where the items are in the state's effective input
 * @param itemSelector the per-item template (ItemSelector or legacy Parameters), or null
 */
public record MapSpec(JsonPath itemsPath, PayloadTemplate itemSelector,
                      JsonNode maxConcurrency, JsonPath maxConcurrencyPath,
                      JsonNode toleratedFailurePercentage, JsonPath toleratedFailurePercentagePath,
                      JsonNode toleratedFailureCount, JsonPath toleratedFailureCountPath,
                      JsonataExpressions jsonata) {

    /**
     * The JSONata forms of a Map state's fields (null in JSONPath states; each field null when
     * absent): Items, ItemSelector, and number fields given as expressions.
     */
    public record JsonataExpressions(JsonataField items, JsonataField itemSelector, JsonataField maxConcurrency,
                                     JsonataField toleratedFailurePercentage, JsonataField toleratedFailureCount) {
    }
}
