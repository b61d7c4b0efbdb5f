package io.quickstep.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Choice rules as their edges show them: in full in the tooltip, cut to 28 characters on the edge. */
class ChoiceLabelsTest {
    @Test
    void shouldWriteEveryShapeOfRuleAsAPersonReadsIt() {
        StateGraph graph = StateGraphs.of("choices", Executions.definition("choice-many-rules"));
        List<StateGraph.Edge> rules = graph.machine().edges().stream()
                .filter(e -> e.kind() == StateGraph.EdgeKind.CHOICE).toList();

        assertEquals(List.of("$.kind == \"gift\"", "$.total >= $.limits.manual",
                "$.express == true and ($.country == \"DE\" or $.country == \"FR\")", "not $.email is present",
                "$.code matches \"PROMO-*\"", "$.due < \"2026-01-01T00:00:00Z\"",
                "$count($states.input.items) > 10 and $states.input.total > 1000"),
                rules.stream().map(StateGraph.Edge::tooltip).toList());
        assertEquals(List.of("$.kind == \"gift\"", "$.total >= $.limits.manual", "$.express == true and ($.co…",
                "not $.email is present", "$.code matches \"PROMO-*\"", "$.due < \"2026-01-01T00:00:0…",
                "$count($states.input.items)…"), rules.stream().map(StateGraph.Edge::label).toList());
    }
}
