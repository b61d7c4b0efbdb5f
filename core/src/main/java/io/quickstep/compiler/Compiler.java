package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.model.Catcher;
import io.quickstep.asl.model.ChoiceRule;
import io.quickstep.asl.model.Definition;
import io.quickstep.asl.model.Retrier;
import io.quickstep.asl.model.State;
import io.quickstep.asl.model.StateDetails;
import io.quickstep.jsonata.JsonataTemplate;
import io.quickstep.path.JsonPath;
import io.quickstep.task.TaskKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a validated {@link Definition} into a {@link Program}: each state becomes a short run of
 * instructions (see {@link Opcode}); paths, templates, intrinsic calls and choice rules are compiled
 * here once, into the constant pool.
 *
 * <p>The compiler trusts {@link io.quickstep.asl.validation.DefinitionValidator}: every rule a
 * definition must meet to compile is one of its diagnostics, so it refuses nothing itself. A
 * definition the validator refuses may make it throw an unchecked exception.
 */
public final class Compiler {
    private final Definition definition;
    private final Map<String, Integer> stateIndex = new HashMap<>();
    private final List<Object> constants = new ArrayList<>();
    private int[] code = new int[64];
    private int size;
    /** Whether something compiled so far reads the context object: see {@link Program#usesContext()}. */
    private boolean usesContext;
    /** Counters handed out to states so far, across the machine and all its child programs. */
    private final int[] counters;

    private Compiler(Definition definition, int[] counters) {
        this.definition = definition;
        this.counters = counters;
    }

    /** Compiles a definition that {@link io.quickstep.asl.validation.DefinitionValidator} accepted. */
    public static Program compile(Definition definition) {
        return new Compiler(definition, new int[1]).program();
    }

    private Program program() {
        for (String name : definition.states().keySet()) {
            stateIndex.put(name, stateIndex.size());
        }
        StateInfo[] states = new StateInfo[stateIndex.size()];
        for (State state : definition.states().values()) {
            int index = stateIndex.get(state.name());
            states[index] = state(index, state);
        }
        // Jumps were emitted with state indexes; now that every state has a pc, point them there.
        for (int pc = 0; pc < size; pc++) {
            if (Instruction.opcode(code[pc]) == Opcode.GOTO) {
                code[pc] = Instruction.encode(Opcode.GOTO, states[Instruction.operand(code[pc])].entryPc());
            }
        }
        int[] finalCode = java.util.Arrays.copyOf(code, size);
        return new Program(finalCode, constants.toArray(), states,
                states[stateIndex.get(definition.startAt())].entryPc(), usesContext);
    }

    private StateInfo state(int index, State state) {
        boolean jsonata = state.isJsonata();
        int entryPc = size;
        emit(Opcode.ENTER, index);
        int bodyPc = size;
        TaskSpec task = null;
        MapSpec map = null;
        Program[] children = new Program[0];
        StateDetails details = state.details();
        if (details instanceof StateDetails.Fail) {
            emit(Opcode.FAIL, constant(failSpec((StateDetails.Fail) details, jsonata)));
            return info(index, state, entryPc, bodyPc, null, null, children);
        }
        if (!jsonata) {
            emitSelection(Opcode.INPUT_PATH, state.inputPath());
        }
        if (details instanceof StateDetails.Choice) {
            emit(Opcode.CHOICE, constant(choiceTable((StateDetails.Choice) details, state)));
            if (!jsonata) {
                emitSelection(Opcode.OUTPUT_PATH, state.outputPath());
            }
            emit(Opcode.GOTO_CHOSEN, 0);
            return info(index, state, entryPc, bodyPc, null, null, children);
        }
        boolean producesResult = !(details instanceof StateDetails.Wait || details instanceof StateDetails.Succeed);
        if (details instanceof StateDetails.Wait) {
            emit(Opcode.WAIT, constant(waitSpec((StateDetails.Wait) details, jsonata)));
        } else if (producesResult) {
            if (state.parameters() != null && !(details instanceof StateDetails.Map)) {
                if (jsonata) {
                    emit(Opcode.ARGUMENTS, constant(jsonataField(state.parameters(), "Arguments")));
                } else {
                    emit(Opcode.PARAMETERS, constant(template(state.parameters())));
                }
            }
            if (details instanceof StateDetails.Pass) {
                JsonNode result = ((StateDetails.Pass) details).result();
                if (result != null && !jsonata) {
                    emit(Opcode.RESULT_CONSTANT, constant(PayloadTemplate.constant(result)));
                } else {
                    emit(Opcode.RESULT_VALUE, 0);
                }
            } else if (details instanceof StateDetails.Task) {
                task = taskSpec((StateDetails.Task) details, jsonata);
                emit(Opcode.INVOKE, index);
            } else if (details instanceof StateDetails.Parallel) {
                List<Definition> branches = ((StateDetails.Parallel) details).branches();
                children = new Program[branches.size()];
                for (int i = 0; i < children.length; i++) {
                    children[i] = child(branches.get(i));
                }
                emit(Opcode.PARALLEL, index);
            } else if (details instanceof StateDetails.Map) {
                StateDetails.Map mapDetails = (StateDetails.Map) details;
                children = new Program[] {child(mapDetails.processor())};
                map = mapSpec(mapDetails, jsonata);
                emit(Opcode.MAP, index);
            }
            if (state.resultSelector() != null && !jsonata) {
                emit(Opcode.RESULT_SELECTOR, constant(template(state.resultSelector())));
            }
        }
        if (state.assign() != null) {
            emit(Opcode.ASSIGN, constant(assignSpec(state.assign(), producesResult, jsonata)));
        }
        if (jsonata) {
            if (state.output() != null) {
                emit(Opcode.OUTPUT, constant(jsonataField(state.output(), "Output")));
            } else if (producesResult && !(details instanceof StateDetails.Pass)) {
                emitPath(Opcode.RESULT_PATH, "$"); // the output is the result
            }
        } else {
            if (producesResult) {
                emitPath(Opcode.RESULT_PATH, state.resultPath());
            }
            emitSelection(Opcode.OUTPUT_PATH, state.outputPath());
        }
        if (state.end() || details instanceof StateDetails.Succeed) {
            emit(Opcode.END, 0);
        } else {
            emit(Opcode.GOTO, stateIndex.get(state.next()));
        }
        return info(index, state, entryPc, bodyPc, task, map, children);
    }

    private StateInfo info(int index, State state, int entryPc, int bodyPc, TaskSpec task, MapSpec map,
                           Program[] children) {
        RetryPolicy[] retry = new RetryPolicy[state.retry().size()];
        for (int i = 0; i < retry.length; i++) {
            Retrier r = state.retry().get(i);
            retry[i] = new RetryPolicy(r.errorEquals().toArray(new String[0]), r.intervalSeconds() * 1000L,
                    r.maxAttempts(), r.backoffRate(),
                    r.maxDelaySeconds() == null ? Long.MAX_VALUE : r.maxDelaySeconds() * 1000L,
                    "FULL".equals(r.jitterStrategy()));
        }
        CatchPolicy[] catchers = new CatchPolicy[state.catchers().size()];
        for (int i = 0; i < catchers.length; i++) {
            Catcher c = state.catchers().get(i);
            boolean jsonata = state.isJsonata();
            catchers[i] = new CatchPolicy(c.errorEquals().toArray(new String[0]),
                    jsonata || c.resultPath() == null ? null : path(c.resultPath()),
                    jsonata, c.output() == null ? null : jsonataField(c.output(), "Output"),
                    c.assign() == null ? null : assignSpec(c.assign(), true, jsonata),
                    stateIndex.get(c.next()));
        }
        return new StateInfo(index, state, entryPc, bodyPc, retry, catchers, task, children, map, counters[0]++);
    }

    private Program child(Definition definition) {
        Program program = new Compiler(definition, counters).program();
        usesContext |= program.usesContext();
        return program;
    }

    private ChoiceTable choiceTable(StateDetails.Choice choice, State state) {
        boolean jsonata = state.isJsonata();
        List<ChoiceRule> rules = choice.choices();
        ChoiceCondition[] conditions = new ChoiceCondition[rules.size()];
        int[] next = new int[rules.size()];
        AssignSpec[] assigns = new AssignSpec[rules.size()];
        JsonataField[] outputs = new JsonataField[rules.size()];
        for (int i = 0; i < conditions.length; i++) {
            ChoiceRule rule = rules.get(i);
            conditions[i] = condition(rule);
            next[i] = stateIndex.get(rule.next());
            assigns[i] = rule.assign() == null ? null : assignSpec(rule.assign(), false, jsonata);
            outputs[i] = rule.output() == null ? null : jsonataField(rule.output(), "Output");
        }
        int defaultState = choice.defaultNext() == null ? -1 : stateIndex.get(choice.defaultNext());
        return new ChoiceTable(conditions, next, assigns, outputs, defaultState,
                state.assign() == null ? null : assignSpec(state.assign(), false, jsonata),
                state.output() == null || !jsonata ? null : jsonataField(state.output(), "Output"));
    }

    private ChoiceCondition condition(ChoiceRule rule) {
        switch (rule.operator()) {
            case "Condition":
                return new JsonataCondition(jsonataField(rule.operand(), "Condition"));
            case "And":
            case "Or": {
                ChoiceCondition[] operands = new ChoiceCondition[rule.children().size()];
                for (int i = 0; i < operands.length; i++) {
                    operands[i] = condition(rule.children().get(i));
                }
                return rule.operator().equals("And") ? ChoiceCondition.and(operands) : ChoiceCondition.or(operands);
            }
            case "Not":
                return ChoiceCondition.not(condition(rule.children().get(0)));
            default:
                Comparison comparison = Comparison.compile(rule.variable(), rule.operator(), rule.operand());
                usesContext |= comparison.readsContext();
                return comparison;
        }
    }

    private TaskSpec taskSpec(StateDetails.Task task, boolean jsonata) {
        return new TaskSpec(task.resource(), TaskKind.of(task.resource()), task.timeoutSeconds(), optionalPath(task.timeoutSecondsPath()),
                expression(jsonata, task.timeoutExpression(), "TimeoutSeconds"),
                task.heartbeatSeconds(), optionalPath(task.heartbeatSecondsPath()),
                expression(jsonata, task.heartbeatExpression(), "HeartbeatSeconds"));
    }

    private WaitSpec waitSpec(StateDetails.Wait wait, boolean jsonata) {
        JsonataField secondsExpression = expression(jsonata, wait.seconds(), "Seconds");
        JsonataField timestampExpression = expression(jsonata, wait.timestamp(), "Timestamp");
        return new WaitSpec(wait.seconds() == null || secondsExpression != null ? null : wait.seconds().asLong(),
                wait.timestamp() == null || timestampExpression != null ? null : wait.timestamp().asText(),
                optionalPath(wait.secondsPath()), optionalPath(wait.timestampPath()),
                secondsExpression, timestampExpression);
    }

    private FailSpec failSpec(StateDetails.Fail fail, boolean jsonata) {
        JsonataField errorExpression = expression(jsonata, fail.error(), "Error");
        JsonataField causeExpression = expression(jsonata, fail.cause(), "Cause");
        return new FailSpec(fail.error() == null || errorExpression != null ? null : fail.error().asText(),
                optionalSelector("ErrorPath", fail.errorPath()), errorExpression,
                fail.cause() == null || causeExpression != null ? null : fail.cause().asText(),
                optionalSelector("CausePath", fail.causePath()), causeExpression);
    }

    /** ErrorPath or CausePath: a path or an intrinsic call, or null when absent. */
    private PayloadTemplate optionalSelector(String field, String expression) {
        return expression == null ? null : noteContext(PayloadTemplate.selector(field, expression));
    }

    private MapSpec mapSpec(StateDetails.Map map, boolean jsonata) {
        JsonNode selector = map.itemSelector();
        MapSpec.JsonataExpressions expressions = !jsonata ? null : new MapSpec.JsonataExpressions(
                map.items() == null ? null : jsonataField(map.items(), "Items"),
                selector == null ? null : jsonataField(selector, "ItemSelector"),
                expression(true, map.maxConcurrency(), "MaxConcurrency"),
                expression(true, map.toleratedFailurePercentage(), "ToleratedFailurePercentage"),
                expression(true, map.toleratedFailureCount(), "ToleratedFailureCount"));
        return new MapSpec(jsonata ? null : path(map.itemsPath()),
                selector == null || jsonata ? null : template(selector),
                map.maxConcurrency(), optionalPath(map.maxConcurrencyPath()),
                map.toleratedFailurePercentage(), optionalPath(map.toleratedFailurePercentagePath()),
                map.toleratedFailureCount(), optionalPath(map.toleratedFailureCountPath()), expressions);
    }

    /** A field that holds a JSONata expression string in a JSONata state, else null (a literal). */
    private JsonataField expression(boolean jsonata, JsonNode value, String field) {
        if (!jsonata || value == null || !value.isTextual() || !JsonataTemplate.isExpression(value.textValue())) {
            return null;
        }
        return jsonataField(value, field);
    }

    private JsonataField jsonataField(JsonNode template, String field) {
        JsonataTemplate compiled = JsonataTemplate.compile(template);
        usesContext |= compiled.readsContext();
        return new JsonataField(compiled, field);
    }

    /** Assign of a state, Choice rule or catcher; the validator has checked its variable names. */
    private AssignSpec assignSpec(JsonNode assign, boolean fromResult, boolean jsonata) {
        return jsonata ? new AssignSpec(null, fromResult, jsonataField(assign, "Assign"))
                : new AssignSpec(template(assign), fromResult, null);
    }

    private PayloadTemplate template(JsonNode template) {
        return noteContext(PayloadTemplate.compile(template));
    }

    private PayloadTemplate noteContext(PayloadTemplate template) {
        usesContext |= template.readsContext();
        return template;
    }

    /** InputPath or OutputPath; {@code "$"} selects the whole value, so it needs no instruction. */
    private void emitSelection(int opcode, String path) {
        if (!"$".equals(path)) {
            emitPath(opcode, path);
        }
    }

    private void emitPath(int opcode, String path) {
        emit(opcode, path == null ? Instruction.NONE : constant(path(path)));
    }

    private JsonPath optionalPath(String text) {
        return text == null ? null : path(text);
    }

    private JsonPath path(String text) {
        JsonPath path = JsonPath.compile(text);
        usesContext |= path.isContextPath();
        return path;
    }

    private int constant(Object value) {
        constants.add(value);
        return constants.size() - 1;
    }

    private void emit(int opcode, int operand) {
        if (size == code.length) {
            code = java.util.Arrays.copyOf(code, size * 2);
        }
        code[size++] = Instruction.encode(opcode, operand);
    }
}
