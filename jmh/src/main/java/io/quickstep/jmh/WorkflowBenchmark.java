package io.quickstep.jmh;

import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import io.quickstep.testing.CaseFormatException;
import io.quickstep.testing.MockAnswer;
import io.quickstep.testing.Mocks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A user's own workflow, benchmarked: one execution of {@code definition} on {@code input} per
 * operation, from input bytes to output bytes, its Task states answered from {@code mocks} (the
 * format {@code quickstep test} and {@code quickstep run --mocks} read, each execution getting the
 * answers from the first). Reports executions per second; {@code -prof gc} adds the bytes allocated
 * per execution ({@code gc.alloc.rate.norm}). Paths are relative to the folder {@code java} runs in;
 * the defaults are the order example's, from the repository root:
 * <pre>
 * java -jar jmh/target/benchmarks.jar WorkflowBenchmark -prof gc \
 *     -p definition=my.asl.json -p input=my-input.json -p mocks=my.mocks.json
 * </pre>
 * An empty {@code mocks} leaves Task states without answers (they fail, as a missing Lambda function
 * does). The setup runs one execution first and refuses mocks that do not fit it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorkflowBenchmark {
    @Param("examples/order/order.asl.json")
    public String definition;

    @Param("examples/order/order-input.json")
    public String input;

    @Param("examples/order/order.mocks.json")
    public String mocks;

    private StateMachine machine;
    private byte[] inputBytes;
    /** The mocks' answers by Task state; each execution gets a fresh {@link Mocks} over them. */
    private Map<String, List<MockAnswer>> answers;

    @Setup
    public void setUp() throws IOException {
        String definitionText = read("definition", definition);
        machine = StateMachine.create(Path.of(definition).getFileName().toString().replaceFirst("\\..*$", ""),
                definitionText);
        inputBytes = read("input", input).getBytes(StandardCharsets.UTF_8);
        answers = mocks.isEmpty() ? Map.of() : parseMocks(read("mocks", mocks), definitionText);
        Mocks first = new Mocks(answers);
        ExecutionResult result = machine.execute(inputBytes, options(first));
        if (!mocks.isEmpty() && first.problem() != null) {
            throw new IllegalArgumentException("mocks=" + mocks + ": " + first.problem());
        }
        System.out.println("WorkflowBenchmark: one execution of " + definition + " " + result.status()
                + (result.succeeded() ? "" : " (" + result.error() + ": " + result.cause() + ")"));
    }

    /** One execution, input bytes to output bytes. */
    @Benchmark
    public byte[] execute() {
        ExecutionResult result = machine.execute(inputBytes, options(new Mocks(answers)));
        return Json.writeBytes(result.toJson());
    }

    private static ExecutionOptions options(Mocks mocks) {
        return ExecutionOptions.defaults().executionName("bench").tasks(mocks);
    }

    private Map<String, List<MockAnswer>> parseMocks(String text, String definitionText) throws IOException {
        try {
            Map<String, List<MockAnswer>> parsed = Map.copyOf(MockAnswer.parseAll(Json.parse(text)));
            String misnamed = new Mocks(parsed).misnamed(Json.parse(definitionText));
            if (misnamed != null) {
                throw new IllegalArgumentException("mocks=" + mocks + ": " + misnamed);
            }
            return parsed;
        } catch (CaseFormatException e) {
            throw new IllegalArgumentException("mocks=" + mocks + ": " + e.getMessage(), e);
        }
    }

    private static String read(String param, String file) throws IOException {
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(param + "=" + file + ": no such file (relative to "
                    + Path.of("").toAbsolutePath() + ")", e);
        }
    }
}
