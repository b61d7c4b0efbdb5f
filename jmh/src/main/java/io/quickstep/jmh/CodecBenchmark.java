package io.quickstep.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.jmh.codec.Codecs;
import io.quickstep.jmh.codec.StartSyncAnswer;
import io.quickstep.jmh.codec.StartSyncCodec;
import io.quickstep.jmh.codec.StartSyncRequest;
import io.quickstep.json.Json;
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
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Decides which Jackson API the HTTP server's StartSyncExecution codec uses (issue 10): plain
 * databind to beans ({@code databind}) or through a tree ({@code databindTree}), databind with
 * Afterburner or Blackbird, or the streaming API by hand ({@code streaming}).
 * <p>
 * {@link #decode}: the request body (AWS JSON 1.0, the order workflow's input as a JSON string
 * holding JSON text) to what the server needs: the ARN, the name, the input parsed as the engine's
 * tree ({@code Json.MAPPER}: exact decimals) and its UTF-8 length. {@link #encode}: a successful
 * answer, every member AWS's has, to bytes; the output's JSON text is an argument, since writing the
 * engine's tree to text is the same work whichever codec follows.
 * <p>
 * Setup fails unless every codec reads the same request and writes the same bytes. Run with
 * {@code -prof gc}: bytes allocated per operation matter as much as time on a server's event loop.
 * Six warm-up seconds, not fewer: on the 2-core development machine Jackson's parser reaches its
 * compiled speed only after about four, and three measured ten times too slow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {
    @Param({"databind", "databindTree", "afterburner", "blackbird", "streaming"})
    public String codecName;

    private StartSyncCodec codec;
    private byte[] requestBody;
    private StartSyncAnswer answer;

    @Setup
    public void setUp() throws Exception {
        String input = OrderWorkflowBenchmark.resource("order-input.json").trim();
        requestBody = requestBody(input);
        answer = answer(input);
        codec = Codecs.named(codecName);
        checkEveryCodecAgrees(input);
    }

    @Benchmark
    public StartSyncRequest decode() throws IOException {
        return codec.decode(requestBody);
    }

    @Benchmark
    public byte[] encode() throws IOException {
        return codec.encode(answer);
    }

    /** The body an SDK sends: the input as a JSON string member, escaped. */
    private static byte[] requestBody(String input) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("stateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:order")
                .put("name", "bench-0001")
                .put("input", input)
                .put("traceHeader", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        return Json.MAPPER.writeValueAsBytes(body);
    }

    /** The answer to that request, with the order workflow's real output. */
    private static StartSyncAnswer answer(String input) throws IOException {
        StateMachine machine = StateMachine.create("order", OrderWorkflowBenchmark.resource("order-workflow.asl.json"));
        String output = Json.write(machine.execute(input,
                ExecutionOptions.defaults().executionName("bench-0001").tasks(OrderHandlers.registry())).output());
        return new StartSyncAnswer(
                "arn:aws:states:us-east-1:123456789012:express:order:bench-0001:2f8b1f0c-7c1e-4c55-9a58-6f3f3c6a1d21",
                "arn:aws:states:us-east-1:123456789012:stateMachine:order", "bench-0001",
                1_733_000_000_123L, 1_733_000_000_125L, output, input, new StartSyncAnswer.Billing(64, 100));
    }

    /** Throws unless every codec decodes the request as expected and encodes the answer to the same bytes. */
    private void checkEveryCodecAgrees(String input) throws IOException {
        StartSyncRequest expected = StartSyncRequest.of("arn:aws:states:us-east-1:123456789012:stateMachine:order",
                "bench-0001", input, "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        if (!expected.input().get("amount").isBigDecimal()) {
            throw new IllegalStateException("the input was not parsed with the engine's exact decimals");
        }
        byte[] expectedAnswer = Codecs.named("streaming").encode(answer);
        // The answer must be one JSON object whose output and input are the texts given.
        ObjectNode written = (ObjectNode) Json.parse(expectedAnswer);
        if (!written.get("output").textValue().equals(answer.getOutput())
                || !written.get("input").textValue().equals(input) || written.size() != 11) {
            throw new IllegalStateException("unexpected answer " + written);
        }
        for (String name : Codecs.NAMES) {
            StartSyncCodec other = Codecs.named(name);
            StartSyncRequest decoded = other.decode(requestBody);
            if (!decoded.equals(expected)) {
                throw new IllegalStateException(name + " decoded " + decoded + ", not " + expected);
            }
            byte[] encoded = other.encode(answer);
            if (!Arrays.equals(encoded, expectedAnswer)) {
                throw new IllegalStateException(name + " wrote " + new String(encoded, StandardCharsets.UTF_8)
                        + ", not " + new String(expectedAnswer, StandardCharsets.UTF_8));
            }
        }
    }
}
