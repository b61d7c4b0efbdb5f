package io.quickstep.graph;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Golden files of the diagrams: for each example ({@code examples/NAME/NAME.asl.json}) and each
 * definition of {@code src/test/resources/graph}, its SVG, DOT and Mermaid forms are compared with
 * {@code graph/golden/NAME.svg}, {@code .dot}, {@code .mmd}; and the SVG of executions of the
 * examples with {@code NAME.run-*.svg}. The layout is deterministic, so a difference is a change.
 *
 * <p>After a deliberate change, rewrite them with
 * {@code mvn -o -pl transport test -Dtest=GraphGoldenTest -D}{@value #UPDATE_PROPERTY}{@code =true}
 * and look at the diff and the pictures before accepting it.
 */
class GraphGoldenTest {
    static final String UPDATE_PROPERTY = "golden.update";
    private static final Path GOLDEN = Executions.DEFINITIONS.resolve("golden");
    private static final String DEFINITION = ".asl.json";

    @TestFactory
    Stream<DynamicTest> everyDefinitionInEveryFormat() throws IOException {
        List<Path> definitions = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Executions.EXAMPLES, 2), Files.list(Executions.DEFINITIONS))) {
            files.filter(file -> file.getFileName().toString().endsWith(DEFINITION)).sorted().forEach(definitions::add);
        }
        assertTrue(definitions.size() >= 7, "the examples and the tricky definitions: " + definitions);
        return definitions.stream().flatMap(definition -> {
            String name = name(definition);
            WorkflowDiagram diagram = WorkflowDiagram.of(name, Executions.read(definition));
            return Stream.of(golden(name + ".svg", diagram, WorkflowDiagram::svg),
                    golden(name + ".dot", diagram, WorkflowDiagram::dot),
                    golden(name + ".mmd", diagram, WorkflowDiagram::mermaid));
        });
    }

    @TestFactory
    Stream<DynamicTest> executionsOfTheExamples() {
        WorkflowDiagram order = WorkflowDiagram.of("order", Executions.example("order"));
        WorkflowDiagram caught = order.withEvents(ExecutionEvents.of(Executions.run(Executions.example("order"),
                Executions.orderInput(), "{}")));
        WorkflowDiagram map = WorkflowDiagram.of("map", Executions.example("map")).withEvents(ExecutionEvents.of(
                Executions.run(Executions.example("map"), Executions.read(Executions.EXAMPLES.resolve("map/map-input.json")),
                        "{}")));
        return Stream.of(golden("order.run-caught.svg", caught, WorkflowDiagram::svg),
                golden("order.run-caught.mmd", caught, WorkflowDiagram::mermaid),
                golden("order.run-caught.dot", caught, WorkflowDiagram::dot),
                golden("map.run.svg", map, WorkflowDiagram::svg));
    }

    private static DynamicTest golden(String file, WorkflowDiagram diagram, Function<WorkflowDiagram, String> format) {
        return dynamicTest(file, () -> {
            String drawn = format.apply(diagram);
            assertEquals(drawn, format.apply(diagram), "drawn twice, differently");
            Path golden = GOLDEN.resolve(file);
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.writeString(golden, drawn);
                return;
            }
            assertTrue(Files.exists(golden), golden + " is missing: run with -D" + UPDATE_PROPERTY + "=true to write it");
            assertFalse(drawn.isEmpty());
            assertEquals(Files.readString(golden), drawn, "the diagram " + file);
        });
    }

    private static String name(Path definition) {
        String file = definition.getFileName().toString();
        return file.substring(0, file.length() - DEFINITION.length());
    }
}
