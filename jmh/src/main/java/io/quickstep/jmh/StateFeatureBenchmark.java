package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
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

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hot paths one by one: each {@code feature} is a one-state machine doing one kind of work on
 * the same input, run on the calling thread. {@code pass} is the baseline (an execution and one
 * Pass state); any other's score less the baseline's is what its feature costs per state:
 * <ul>
 *   <li>{@code paths}: InputPath, ResultPath and OutputPath, reference paths a few levels deep;
 *   <li>{@code template}: a Parameters template of ten fields, half of them paths;
 *   <li>{@code intrinsicsString}, {@code intrinsicsArray}, {@code intrinsicsMath},
 *       {@code intrinsicsJson}: a template calling each family's functions;
 *   <li>{@code choice}: a Choice of ten rules of several kinds, the last one matching;
 *   <li>{@code jsonata}: a JSONata Pass state computing its output.
 * </ul>
 * Run with {@code -prof gc} for the bytes each allocates per execution.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StateFeatureBenchmark {
    static final String INPUT = "{\"order\":{\"id\":\"o-1\",\"customer\":{\"name\":\"Ada\",\"tier\":\"gold\"},"
            + "\"items\":[{\"sku\":\"s1\",\"qty\":2},{\"sku\":\"s2\",\"qty\":1},{\"sku\":\"s3\",\"qty\":5}],"
            + "\"amount\":42.5,\"csv\":\"a,b,c,d\",\"json\":\"{\\\"k\\\":[1,2]}\",\"list\":[1,2,3,4,5,6]}}";

    /** Each feature's state, the only one of its machine (named F, ending the execution). */
    static final Map<String, String> FEATURES = Map.of(
            "pass", "{`Type`:`Pass`,`End`:true}",
            "paths", "{`Type`:`Pass`,`InputPath`:`$.order.customer`,`ResultPath`:`$.copy.of.customer`,"
                    + "`OutputPath`:`$.copy`,`End`:true}",
            "template", "{`Type`:`Pass`,`Parameters`:{`id.$`:`$.order.id`,`name.$`:`$.order.customer.name`,"
                    + "`tier.$`:`$.order.customer.tier`,`first.$`:`$.order.items[0].sku`,`amount.$`:`$.order.amount`,"
                    + "`a`:1,`b`:`two`,`c`:true,`d`:null,`e`:{`nested`:[1,2]}},`End`:true}",
            "intrinsicsString", "{`Type`:`Pass`,`Parameters`:{"
                    + "`greeting.$`:\"States.Format('Hello, {} ({})', $.order.customer.name, $.order.customer.tier)\","
                    + "`parts.$`:\"States.StringSplit($.order.csv, ',')\","
                    + "`encoded.$`:`States.Base64Encode($.order.id)`},`End`:true}",
            "intrinsicsArray", "{`Type`:`Pass`,`Parameters`:{`pair.$`:`States.Array($.order.id, $.order.amount)`,"
                    + "`chunks.$`:`States.ArrayPartition($.order.list, 2)`,`has.$`:`States.ArrayContains($.order.list, 4)`,"
                    + "`length.$`:`States.ArrayLength($.order.list)`,`third.$`:`States.ArrayGetItem($.order.list, 2)`},"
                    + "`End`:true}",
            "intrinsicsMath", "{`Type`:`Pass`,`Parameters`:{`sum.$`:`States.MathAdd($.order.items[0].qty, 40)`,"
                    + "`next.$`:`States.MathAdd($.order.items[2].qty, -1)`},`End`:true}",
            "intrinsicsJson", "{`Type`:`Pass`,`Parameters`:{`text.$`:`States.JsonToString($.order.customer)`,"
                    + "`parsed.$`:`States.StringToJson($.order.json)`,"
                    + "`merged.$`:`States.JsonMerge($.order.customer, $.order, false)`},`End`:true}",
            "choice", "{`Type`:`Choice`,`Choices`:["
                    + "{`Variable`:`$.order.amount`,`NumericGreaterThan`:1000,`Next`:`Done`},"
                    + "{`Variable`:`$.order.customer.tier`,`StringEquals`:`platinum`,`Next`:`Done`},"
                    + "{`Variable`:`$.order.id`,`StringMatches`:`x-*`,`Next`:`Done`},"
                    + "{`Variable`:`$.order.missing`,`IsPresent`:true,`Next`:`Done`},"
                    + "{`And`:[{`Variable`:`$.order.amount`,`NumericLessThan`:10},"
                    + "{`Variable`:`$.order.customer.tier`,`StringEquals`:`gold`}],`Next`:`Done`},"
                    + "{`Not`:{`Variable`:`$.order.items`,`IsPresent`:true},`Next`:`Done`},"
                    + "{`Variable`:`$.order.items[1].qty`,`NumericEquals`:7,`Next`:`Done`},"
                    + "{`Variable`:`$.order.customer.name`,`StringLessThan`:`Aa`,`Next`:`Done`},"
                    + "{`Variable`:`$.order.amount`,`IsNumeric`:false,`Next`:`Done`},"
                    + "{`Variable`:`$.order.customer.tier`,`StringEquals`:`gold`,`Next`:`Done`}],"
                    + "`Default`:`Done`}",
            "jsonata", "{`Type`:`Pass`,`QueryLanguage`:`JSONata`,`Output`:"
                    + "\"{% {'total': $sum($states.input.order.items.qty), 'who': $uppercase($states.input.order.customer.name)} %}\","
                    + "`End`:true}");

    @Param({"pass", "paths", "template", "intrinsicsString", "intrinsicsArray", "intrinsicsMath", "intrinsicsJson",
            "choice", "jsonata"})
    public String feature;

    private StateMachine machine;
    private ExecutionOptions options;
    private JsonNode input;

    @Setup
    public void setUp() throws Exception {
        String state = FEATURES.get(feature);
        if (state == null) {
            throw new IllegalArgumentException("feature=" + feature + ": not one of " + FEATURES.keySet());
        }
        String done = feature.equals("choice") ? ",`Done`:{`Type`:`Pass`,`End`:true}" : "";
        machine = StateMachine.create(feature, ("{`StartAt`:`F`,`States`:{`F`:" + state + done + "}}").replace('`', '"'));
        options = ExecutionOptions.defaults().executionName("bench");
        input = Json.parse(INPUT);
        ExecutionResult result = machine.execute(input, options);
        if (!result.succeeded()) {
            throw new IllegalStateException("feature=" + feature + " failed: " + result.toJson());
        }
    }

    @Benchmark
    public ExecutionResult execute() {
        return machine.execute(input, options);
    }
}
