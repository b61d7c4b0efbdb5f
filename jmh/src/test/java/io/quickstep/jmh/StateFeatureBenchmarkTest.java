package io.quickstep.jmh;

import io.quickstep.execution.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every feature of StateFeatureBenchmark, and CompileBenchmark's definitions, are valid and run (not measured). */
class StateFeatureBenchmarkTest {
    @Test
    void everyFeatureIsAParameterAndRuns() throws Exception {
        for (String feature : StateFeatureBenchmark.FEATURES.keySet()) {
            StateFeatureBenchmark benchmark = new StateFeatureBenchmark();
            benchmark.feature = feature;
            benchmark.setUp();
            ExecutionResult result = benchmark.execute();
            assertTrue(result.succeeded(), feature);
        }
        String[] params = StateFeatureBenchmark.class.getField("feature")
                .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
        assertEquals(StateFeatureBenchmark.FEATURES.size(), params.length, "each feature is measured");
    }

    @Test
    void theChoiceTakesItsLastRuleAndTheIntrinsicsAnswerAsAwsDoes() throws Exception {
        StateFeatureBenchmark benchmark = new StateFeatureBenchmark();
        benchmark.feature = "intrinsicsString";
        benchmark.setUp();
        assertEquals("Hello, Ada (gold)", benchmark.execute().output().get("greeting").asText());
        benchmark.feature = "jsonata";
        benchmark.setUp();
        assertEquals(8, benchmark.execute().output().get("total").asInt());
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100})
    void largeDefinitionsAreValid(int states) {
        CompileBenchmark benchmark = new CompileBenchmark();
        benchmark.states = states;
        benchmark.setUp();
        assertNotNull(benchmark.compile());
    }
}
