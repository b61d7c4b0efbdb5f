package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.testing.TestCase;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every {@code {% %}} string anywhere in the corpus definitions (Output, Items, Condition, Assign values, ...) compiles. */
class CorpusExpressionsTest {

    @TestFactory
    DynamicContainer everyExpressionInTheCorpusDefinitionsCompiles() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        int definitions = 0;
        for (TestCase recorded : Corpus.cases()) {
            if (recorded.definition() != null) {
                definitions++;
                collect(recorded.id(), recorded.definition(), "", tests);
            }
        }
        // The corpus holds 112 such strings; a walk that finds far fewer has lost its way.
        assertTrue(tests.size() >= 100, "found only " + tests.size());
        return DynamicContainer.dynamicContainer(
                "all " + tests.size() + " JSONata expressions in " + definitions + " definitions compile", tests);
    }

    private static void collect(String id, JsonNode value, String pointer, List<DynamicTest> tests) {
        if (value.isTextual() && JsonataTemplate.isExpression(value.textValue())) {
            tests.add(DynamicTest.dynamicTest(id + " " + pointer + " " + value.textValue(),
                    () -> assertTrue(JsonataTemplate.compile(value).expression() != null)));
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            collect(id, member.getValue(), pointer + "/" + member.getKey(), tests);
        }
        for (int i = 0; value.isArray() && i < value.size(); i++) {
            collect(id, value.get(i), pointer + "/" + i, tests);
        }
    }
}
