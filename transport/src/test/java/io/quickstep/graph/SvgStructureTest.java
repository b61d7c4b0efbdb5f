package io.quickstep.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SVG of every test definition is well-formed XML with one state element per state of the
 * definition (named by {@code data-state}) and one edge element per transition, both counted from
 * the definition's JSON here, not from the graph the renderer drew; and it refers to nothing
 * outside itself.
 */
class SvgStructureTest {
    static Stream<Path> definitions() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Stream.concat(Files.walk(Executions.EXAMPLES, 2), Files.list(Executions.DEFINITIONS))) {
            all.filter(f -> f.toString().endsWith(".asl.json")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void shouldDrawOneNodePerStateAndOneEdgePerTransition(Path file) throws Exception {
        String text = Executions.read(file);
        Document svg = parse(WorkflowDiagram.of("test", text).svg());
        JsonNode definition = Json.read(text);

        Set<String> names = new HashSet<>();
        int transitions = count(definition, names);
        List<Element> states = elements(svg, "state");
        Set<String> drawn = new HashSet<>();
        states.forEach(state -> drawn.add(state.getAttribute("data-state")));
        assertEquals(names.size(), states.size(), "state elements");
        assertEquals(names, drawn);
        assertEquals(transitions, elements(svg, "edge").size(), "edge elements");
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void shouldReferToNothingOutsideTheDocument(Path file) throws Exception {
        String svg = WorkflowDiagram.of("test", Executions.read(file)).svg();
        parse(svg);
        assertFalse(svg.contains("href"), "no links, images or external style sheets");
        assertEquals(1, svg.split("http", -1).length - 1, "only the SVG namespace names a URL");
        assertTrue(svg.contains("<style>"), "the style sheet is inside");
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void shouldKeepTwoEmptyLinesInsideEachStateOfALiveDiagram(Path file) throws Exception {
        String text = Executions.read(file);
        Document live = parse(WorkflowDiagram.of("test", text).liveSvg());
        List<Element> states = elements(live, "state");
        assertEquals(elements(parse(WorkflowDiagram.of("test", text).svg()), "state").size(), states.size());
        for (Element state : states) {
            Element shape = null;
            List<Element> lines = new ArrayList<>();
            for (org.w3c.dom.Node child = state.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && element.getAttribute("class").equals("shape")) {
                    shape = element;
                } else if (child instanceof Element element && element.getAttribute("class").startsWith("live ")) {
                    lines.add(element);
                }
            }
            String name = state.getAttribute("data-state");
            assertEquals(List.of("live rate", "live latency"), lines.stream().map(l -> l.getAttribute("class")).toList(),
                    name);
            double bottom = Double.parseDouble(shape.getAttribute("y")) + Double.parseDouble(shape.getAttribute("height"));
            for (Element line : lines) {
                assertEquals("", line.getTextContent(), name + ": for the page to fill");
                assertTrue(Double.parseDouble(line.getAttribute("y")) < bottom, name + ": the line is inside its state");
            }
        }
    }

    /**
     * The states of a States block and everything inside it, and its transitions: the start, each
     * Next, Default, Choice rule and Catch rule, and the end of each state that ends its block.
     */
    private static int count(JsonNode block, Set<String> names) {
        int transitions = 1;
        var fields = block.get("States").properties().iterator();
        while (fields.hasNext()) {
            var field = fields.next();
            names.add(field.getKey());
            JsonNode state = field.getValue();
            String type = state.get("Type").asText();
            transitions += state.has("Next") ? 1 : 0;
            transitions += state.has("Default") ? 1 : 0;
            transitions += state.path("Choices").size() + state.path("Catch").size();
            transitions += state.path("End").asBoolean() || type.equals("Succeed") || type.equals("Fail") ? 1 : 0;
            for (JsonNode branch : state.path("Branches")) {
                transitions += count(branch, names);
            }
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            if (processor != null) {
                transitions += count(processor, names);
            }
        }
        return transitions;
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code g} elements with {@code cssClass} among their classes. */
    static List<Element> elements(Document svg, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (List.of(group.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(group);
            }
        }
        return found;
    }
}
