package io.quickstep.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WorkflowBenchmark's setup and operation on the order example, run once each (not measured). */
class WorkflowBenchmarkTest {
    private static final Path ORDER = Path.of("..", "examples", "order");

    @TempDir
    Path dir;

    private WorkflowBenchmark benchmark(String mocks) {
        WorkflowBenchmark benchmark = new WorkflowBenchmark();
        benchmark.definition = ORDER.resolve("order.asl.json").toString();
        benchmark.input = ORDER.resolve("order-input.json").toString();
        benchmark.mocks = mocks;
        return benchmark;
    }

    @Test
    void runsTheWorkflowWithItsTaskStatesAnsweredFromTheMocksEveryExecution() throws Exception {
        WorkflowBenchmark benchmark = benchmark(ORDER.resolve("order.mocks.json").toString());
        benchmark.setUp();
        for (int i = 0; i < 3; i++) {
            String result = new String(benchmark.execute(), StandardCharsets.UTF_8);
            assertEquals("{\"status\":\"SUCCEEDED\",\"output\":{\"chargeId\":\"ch-o-1\",\"charged\":42.5}}", result);
        }
    }

    @Test
    void refusesMocksThatNameNoTaskStateOfTheDefinition() throws Exception {
        Path mocks = Files.writeString(dir.resolve("bad.mocks.json"), "{\"Chrage\": [{\"return\": {}}]}");
        WorkflowBenchmark benchmark = benchmark(mocks.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, benchmark::setUp);
        assertTrue(e.getMessage().startsWith("mocks=" + mocks + ": mocks.Chrage: no state of the definition has this name"),
                e.getMessage());
    }

    @Test
    void namesAMissingFileByItsParameter() {
        WorkflowBenchmark benchmark = benchmark("");
        benchmark.definition = "missing.asl.json";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, benchmark::setUp);
        assertTrue(e.getMessage().startsWith("definition=missing.asl.json: no such file"), e.getMessage());
    }
}
