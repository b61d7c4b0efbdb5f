package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the definition, the validator answers with diagnostics and never throws. */
class NeverThrowsProperties {
    /** Field names of ASL, so that random objects look like states, rules, retriers... */
    private static final List<String> KEYS = List.of("StartAt", "States", "Type", "Next", "End", "Default",
            "Choices", "Variable", "And", "Or", "Not", "StringEquals", "NumericEqualsPath", "IsPresent", "Condition",
            "Branches", "ItemProcessor", "Iterator", "ProcessorConfig", "Mode", "ExecutionType", "Retry", "Catch",
            "ErrorEquals", "MaxAttempts", "BackoffRate", "JitterStrategy", "Parameters", "x.$", "ResultPath",
            "InputPath", "QueryLanguage", "Resource", "Seconds", "Timestamp", "SecondsPath", "TimeoutSeconds",
            "Credentials", "RoleArn", "Assign", "Output", "Items", "ItemsPath", "MaxConcurrency", "Error",
            "CausePath", "Comment", "A", "B");
    private static final List<String> TEXTS = List.of("A", "B", "Pass", "Task", "Choice", "Wait", "Succeed", "Fail",
            "Parallel", "Map", "$", "$.a", "$$.Execution", "$var", "$.a[*]", "$.a[", "States.ALL",
            "States.Format('{}', $.a)", "States.Nope(", "JSONata", "JSONPath", "{% 1 %}",
            "arn:aws:states:::lambda:invoke", "arn:aws:states:::states:startExecution.sync:2",
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "2016-03-14T01:59:00Z", "DISTRIBUTED", "", "a/b~c");

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void anyTreeGetsDiagnostics(@ForAll("definitions") JsonNode definition) {
        for (String type : List.of("STANDARD", "EXPRESS")) {
            for (Diagnostic d : DefinitionValidator.validate(definition, type)) {
                assertTrue(d.isError());
                assertNotNull(d.code());
                assertNotNull(d.message());
            }
        }
    }

    @Property(tries = 500)
    void anyTextGetsDiagnostics(@ForAll String text) {
        assertNotNull(DefinitionValidator.validate(text, "STANDARD"));
    }

    @Provide
    Arbitrary<JsonNode> definitions() {
        return object(4);
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.of(TEXTS).map(Json.NODES::textNode),
                Arbitraries.integers().between(-2, 3).map(Json.NODES::numberNode),
                Arbitraries.of(1.5, 0.5).map(Json.NODES::numberNode),
                Arbitraries.of(true, false).map(Json.NODES::booleanNode),
                Arbitraries.just(Json.NODES.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar),
                net.jqwik.api.Tuple.of(3, object(depth - 1)),
                net.jqwik.api.Tuple.of(1, array(depth - 1)));
    }

    private static Arbitrary<JsonNode> object(int depth) {
        return Arbitraries.maps(Arbitraries.of(KEYS), value(depth)).ofMaxSize(5).map(members -> {
            ObjectNode object = Json.NODES.objectNode();
            members.forEach(object::set);
            return object;
        });
    }

    private static Arbitrary<JsonNode> array(int depth) {
        return value(depth).list().ofMaxSize(3).map(items -> {
            ArrayNode array = Json.NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
    }
}
