package io.quickstep.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.Diagnostic;
import io.quickstep.asl.validation.DefinitionValidator;
import io.quickstep.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The validator is the one judge of definitions: whatever it accepts, {@link StateMachine#create}
 * compiles, and whatever it refuses, create refuses with the same errors. The definitions are
 * generated to be mostly sound (states that reach each other, loops included), with values drawn
 * from pools that hold good and bad ones alike: variable names, paths, intrinsic calls, JSONata
 * expressions, timestamps, Choice rules of both languages, nested Parallel and Map blocks.
 */
class ValidatorCompilerAgreementProperties {
    private static final String ACCEPTED = "accepted by the validator";

    private static final Pool VARIABLE_NAMES = new Pool(List.of("x", "_total", "count2", "A_b", "a".repeat(80)),
            List.of("1bad-name", "bad-name", "states", "a".repeat(81), "é", ""));
    private static final Pool PATHS = new Pool(List.of("$", "$.a", "$.a.b[0]", "$$.Execution.Id",
            "$$.State.EnteredTime", "$x"), List.of("$.a[*]", "$..a", "$.a[", "a", ""));
    private static final Pool SELECTORS = new Pool(List.of("$.a", "$$.Map.Item.Value", "$x", "$.a[*]",
            "States.Format('{}', $.a)", "States.Format('{}', $$.State.Name)", "States.ArrayLength($.a)"),
            List.of("States.Nope($.a)", "$.a[", "a"));
    private static final Pool EXPRESSIONS = new Pool(List.of("{% $states.input %}", "{% $states.context.State.Name %}",
            "{% $lookup($states, 'context') %}", "{% $x + 1 %}", "{%  $states.input.a  %}"),
            List.of("{% 1 + %}", "{% ( %}", "{% %}"));
    private static final Pool TIMESTAMPS = new Pool(List.of("2016-03-14T01:59:00Z", "2016-03-14T01:59:00.5+01:00",
            "2016-03-14T01:59:00+19:00"), List.of("2016-03-14T01:59Z", "2016-03-14t01:59:00z", "2016-13-14T01:59:00Z",
            "{% '2016-03-14T01:59:00Z' %}", "soon"));
    private static final Pool RESOURCES = new Pool(List.of("arn:aws:lambda:us-east-1:123456789012:function:f",
            "arn:aws:states:::lambda:invoke"), List.of("arn:aws:states:::lambda:invoke.waitForTaskToken", "f"));

    /** Values the validator should accept and values it should refuse, drawn nine to one. */
    private record Pool(List<String> good, List<String> bad) {
        Arbitrary<String> any() {
            return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(good)), Tuple.of(1, Arbitraries.of(bad)));
        }
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
    void whatTheValidatorAcceptsCompiles(@ForAll("definitions") JsonNode definition) {
        String text = Json.write(definition);
        // The engine compiles what Quickstep runs: Express machines with .waitForTaskToken too.
        List<Diagnostic> errors = DefinitionValidator.validate(text, "EXPRESS", true).stream()
                .filter(Diagnostic::isError).toList();
        Statistics.label(ACCEPTED).collect(errors.isEmpty());
        try {
            StateMachine.create("generated", text);
            assertEquals(List.of(), errors, "created although the validator refused " + text);
        } catch (DefinitionException e) {
            assertEquals(errors, e.diagnostics(), text);
        } catch (RuntimeException e) {
            fail("create threw for " + text, e);
        }
        Statistics.label(ACCEPTED).coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 25);
            coverage.check(false).percentage(p -> p > 25);
        });
    }

    @Provide
    Arbitrary<JsonNode> definitions() {
        return Arbitraries.of("JSONPath", "JSONata").flatMap(language -> block(2, "", language).map(machine -> {
            if (language.equals("JSONata")) {
                machine.put("QueryLanguage", language);
            }
            return machine;
        }));
    }

    /**
     * A block of one to three states named {@code prefix + "S" + i}, starting at the first. The states
     * of nested blocks are named after their state, so names are unique machine-wide, as AWS requires.
     */
    private static Arbitrary<ObjectNode> block(int depth, String prefix, String language) {
        return Arbitraries.integers().between(1, 3).flatMap(count -> {
            List<Arbitrary<ObjectNode>> states = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                states.add(state(depth, new Place(prefix, i, count), language));
            }
            return Combinators.combine(states).as(all -> {
                ObjectNode block = Json.NODES.objectNode();
                block.put("StartAt", prefix + "S0");
                ObjectNode members = block.putObject("States");
                for (int i = 0; i < all.size(); i++) {
                    members.set(prefix + "S" + i, all.get(i));
                }
                return block;
            });
        });
    }

    /** Where a state is: its block's name prefix, its index and how many states the block has. */
    private record Place(String prefix, int index, int count) {
        String name() {
            return name(index);
        }

        String name(int i) {
            return prefix + "S" + i;
        }

        /** A transition target: mostly the state after this one, sometimes any (a loop). */
        Arbitrary<String> target() {
            return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(name((index + 1) % count))),
                    Tuple.of(1, Arbitraries.integers().between(0, count - 1).map(this::name)));
        }

        /** Next, or null for End: the last state mostly ends. */
        Arbitrary<String> next() {
            return target().injectNull(isLast() ? 0.85 : 0.1);
        }

        boolean isLast() {
            return index == count - 1;
        }
    }

    /** One state; most take the machine's language, some declare JSONata of their own. */
    private static Arbitrary<ObjectNode> state(int depth, Place place, String machine) {
        Arbitrary<String> own = Arbitraries.frequency(Tuple.of(5, machine), Tuple.of(1, "JSONata"));
        return own.flatMap(language -> {
            boolean jsonata = language.equals("JSONata");
            List<Arbitrary<ObjectNode>> types = new ArrayList<>(List.of(
                    pass(jsonata), waitState(jsonata), choice(place, jsonata), task(place, jsonata)));
            if (place.isLast()) { // a Succeed or Fail state before the last would leave the ones after unreachable
                types.add(failState(jsonata));
                types.add(Arbitraries.just(type("Succeed")));
            }
            if (depth > 0) {
                types.add(parallel(depth, place.name(), machine));
                types.add(map(depth, place.name(), machine, jsonata));
            }
            return Arbitraries.oneOf(types).flatMap(state -> moveOn(state, place).map(moved -> {
                ObjectNode copy = moved.deepCopy(); // generated values may be handed out again: never change them
                if (!language.equals(machine)) {
                    copy.put("QueryLanguage", language);
                }
                return copy;
            }));
        });
    }

    /** Next or End for the types that move on. */
    private static Arbitrary<ObjectNode> moveOn(ObjectNode state, Place place) {
        String type = state.get("Type").asText();
        if (type.equals("Choice") || type.equals("Succeed") || type.equals("Fail")) {
            return Arbitraries.just(state);
        }
        return place.next().map(next -> {
            ObjectNode moved = state.deepCopy(); // generated values may be handed out again: never change them
            if (next == null) {
                moved.put("End", true);
            } else {
                moved.put("Next", next);
            }
            return moved;
        });
    }

    private static Arbitrary<ObjectNode> pass(boolean jsonata) {
        Arbitrary<JsonNode> result = jsonata ? text(EXPRESSIONS) : template();
        return Combinators.combine(result.injectNull(0.5), assign(jsonata).injectNull(0.4), path().injectNull(0.7))
                .as((value, assign, inputPath) -> {
                    ObjectNode state = type("Pass");
                    optional(state, jsonata ? "Output" : "Parameters", value);
                    optional(state, "Assign", assign);
                    if (!jsonata) {
                        optional(state, "InputPath", inputPath);
                    }
                    return state;
                });
    }

    private static Arbitrary<ObjectNode> waitState(boolean jsonata) {
        return Arbitraries.oneOf(
                text(TIMESTAMPS).map(timestamp -> field("Timestamp", timestamp)),
                Arbitraries.of(0, 1, -1).map(seconds -> field("Seconds", Json.NODES.numberNode(seconds))),
                jsonata ? text(EXPRESSIONS).map(seconds -> field("Seconds", seconds))
                        : path().map(path -> field("TimestampPath", path)),
                path().map(path -> field("SecondsPath", path)))
                .map(duration -> {
                    ObjectNode state = type("Wait");
                    state.setAll(duration);
                    return state;
                });
    }

    private static Arbitrary<ObjectNode> failState(boolean jsonata) {
        Arbitrary<JsonNode> cause = jsonata ? text(EXPRESSIONS) : text(SELECTORS);
        return cause.injectNull(0.3).map(value -> {
            ObjectNode state = type("Fail");
            state.put("Error", "Custom.Error");
            optional(state, jsonata ? "Cause" : "CausePath", value);
            return state;
        });
    }

    private static Arbitrary<ObjectNode> task(Place place, boolean jsonata) {
        Arbitrary<ObjectNode> catcher = Combinators.combine(place.target(),
                assign(jsonata).injectNull(0.6), path().injectNull(0.5)).as((next, assign, resultPath) -> {
                    ObjectNode c = Json.NODES.objectNode();
                    c.set("ErrorEquals", Json.NODES.arrayNode().add("States.ALL"));
                    c.put("Next", next);
                    optional(c, "Assign", assign);
                    if (!jsonata) {
                        optional(c, "ResultPath", resultPath);
                    }
                    return c;
                });
        return Combinators.combine(RESOURCES.any(), catcher.injectNull(0.5),
                (jsonata ? text(EXPRESSIONS) : path()).injectNull(0.7)).as((resource, c, timeout) -> {
                    ObjectNode state = type("Task");
                    state.put("Resource", resource);
                    if (c != null) {
                        state.set("Catch", Json.NODES.arrayNode().add(c));
                    }
                    optional(state, jsonata ? "TimeoutSeconds" : "TimeoutSecondsPath", timeout);
                    return state;
                });
    }

    private static Arbitrary<ObjectNode> choice(Place place, boolean jsonata) {
        Arbitrary<ObjectNode> rule = Combinators.combine(jsonata ? jsonataTest() : jsonPathTest(1),
                place.target(), assign(jsonata).injectNull(0.6)).as((test, next, assign) -> {
                    ObjectNode r = test.deepCopy();
                    r.put("Next", next);
                    optional(r, "Assign", assign);
                    return r;
                });
        return Combinators.combine(rule.list().ofMinSize(1).ofMaxSize(2), place.target().injectNull(0.3))
                .as((rules, fallback) -> {
                    ObjectNode state = type("Choice");
                    ArrayNode choices = state.putArray("Choices");
                    rules.forEach(choices::add);
                    if (fallback != null) {
                        state.put("Default", fallback);
                    }
                    return state;
                });
    }

    private static Arbitrary<ObjectNode> jsonataTest() {
        return Arbitraries.oneOf(text(EXPRESSIONS), Arbitraries.of(true, false).map(Json.NODES::booleanNode))
                .map(condition -> field("Condition", condition));
    }

    /** A comparison, or an And, Or or Not of them. */
    private static Arbitrary<ObjectNode> jsonPathTest(int depth) {
        Arbitrary<ObjectNode> comparison = Combinators.combine(path(), Arbitraries.oneOf(
                text(TIMESTAMPS).map(t -> field("TimestampEquals", t)),
                path().map(p -> field("TimestampLessThanPath", p)),
                Arbitraries.just(field("NumericEquals", Json.NODES.numberNode(1))),
                Arbitraries.just(field("StringMatches", Json.NODES.textNode("a*"))),
                Arbitraries.just(field("IsTimestamp", Json.NODES.booleanNode(true))),
                Arbitraries.just(field("IsPresent", Json.NODES.booleanNode(false)))))
                .as((variable, operator) -> {
                    ObjectNode rule = field("Variable", variable);
                    rule.setAll(operator);
                    return rule;
                });
        if (depth == 0) {
            return comparison;
        }
        return Arbitraries.oneOf(comparison,
                jsonPathTest(depth - 1).map(operand -> field("Not", operand)),
                Combinators.combine(Arbitraries.of("And", "Or"), jsonPathTest(depth - 1).list().ofMinSize(1).ofMaxSize(2))
                        .as((operator, operands) -> {
                            ObjectNode rule = Json.NODES.objectNode();
                            ArrayNode array = rule.putArray(operator);
                            operands.forEach(array::add);
                            return rule;
                        }));
    }

    private static Arbitrary<ObjectNode> parallel(int depth, String name, String machine) {
        return Arbitraries.integers().between(1, 2).flatMap(count -> Combinators.combine(
                block(depth - 1, name + "B0", machine), block(depth - 1, name + "B1", machine)).as((first, second) -> {
                    ObjectNode state = type("Parallel");
                    ArrayNode branches = state.putArray("Branches").add(first);
                    if (count == 2) {
                        branches.add(second);
                    }
                    return state;
                }));
    }

    private static Arbitrary<ObjectNode> map(int depth, String name, String machine, boolean jsonata) {
        Arbitrary<ObjectNode> distributedPart = Arbitraries.of("ItemReader", "ItemBatcher", "ResultWriter")
                .map(part -> field(part, Json.NODES.objectNode()));
        return Combinators.combine(block(depth - 1, name + "I", machine), Arbitraries.of(false, true),
                (jsonata ? text(EXPRESSIONS) : template()).injectNull(0.5), distributedPart.injectNull(0.8))
                .as((processor, distributed, selector, part) -> {
                    ObjectNode state = type("Map");
                    ObjectNode items = processor.deepCopy(); // generated values may be handed out again
                    if (distributed) {
                        items.set("ProcessorConfig", field("Mode", Json.NODES.textNode("DISTRIBUTED"))
                                .put("ExecutionType", "EXPRESS"));
                    }
                    state.set("ItemProcessor", items);
                    optional(state, "ItemSelector", selector);
                    if (part != null) {
                        state.setAll(part);
                    }
                    return state;
                });
    }

    /** Assign: a variable or two, named from the pool; JSONPath names may end in {@code .$} with a path. */
    private static Arbitrary<JsonNode> assign(boolean jsonata) {
        Arbitrary<ObjectNode> member = jsonata
                ? Combinators.combine(VARIABLE_NAMES.any(), text(EXPRESSIONS)).as(ValidatorCompilerAgreementProperties::field)
                : Arbitraries.oneOf(
                        VARIABLE_NAMES.any().map(name -> field(name, Json.NODES.numberNode(1))),
                        Combinators.combine(VARIABLE_NAMES.any(), text(SELECTORS))
                                .as((name, selector) -> field(name + ".$", selector)));
        return member.list().ofMinSize(1).ofMaxSize(2).map(members -> {
            ObjectNode assign = Json.NODES.objectNode();
            members.forEach(assign::setAll);
            return assign;
        });
    }

    /** A JSONPath payload template: a constant, or a selector with a path or intrinsic call. */
    private static Arbitrary<JsonNode> template() {
        return Arbitraries.oneOf(
                Arbitraries.just(field("note", Json.NODES.textNode("costs $$5"))),
                text(SELECTORS).map(selector -> field("v.$", selector)),
                text(SELECTORS).map(selector -> field("nested", field("v.$", selector))));
    }

    private static Arbitrary<JsonNode> path() {
        return text(PATHS);
    }

    private static Arbitrary<JsonNode> text(Pool pool) {
        return pool.any().map(Json.NODES::textNode);
    }

    private static ObjectNode type(String type) {
        return field("Type", Json.NODES.textNode(type));
    }

    private static ObjectNode field(String name, JsonNode value) {
        ObjectNode object = Json.NODES.objectNode();
        object.set(name, value);
        return object;
    }

    /** Sets the member unless the generator left it out (Java null; JSON null is a value). */
    private static void optional(ObjectNode object, String name, JsonNode value) {
        if (value != null) {
            object.set(name, value);
        }
    }
}
