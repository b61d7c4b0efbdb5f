package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.asl.model.Catcher;
import io.quickstep.asl.model.ChoiceRule;
import io.quickstep.asl.model.Definition;
import io.quickstep.asl.model.Retrier;
import io.quickstep.asl.model.State;
import io.quickstep.asl.model.StateDetails;
import io.quickstep.jsonata.JsonataTemplate;
import io.quickstep.path.JsonPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a validated {@link Definition} into a {@link Program}: each state becomes a short run of
 * instructions (see {@link Opcode}); paths, templates, intrinsic calls and choice rules are compiled
 * here once, into the constant pool.
 */
public final class Compiler {
    private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");
    private final Definition definition;
    private final String pointer;
    private final Map<String, Integer> stateIndex = new HashMap<>();
    private final List<Object> constants = new ArrayList<>();
    private int[] code = new int[64];
    private int size;
    private boolean usesContext;

    private Compiler(Definition definition, String pointer) {
        this.definition = definition;
        this.pointer = pointer;
    }

    public static Program compile(Definition definition) throws CompileException {
        return new Compiler(definition, "").program();
    }

    private Program program() throws CompileException {
        for (String name : definition.states().keySet()) {
            stateIndex.put(name, stateIndex.size());
        }
        StateInfo[] states = new StateInfo[stateIndex.size()];
        for (State state : definition.states().values()) {
            int index = stateIndex.get(state.name());
            states[index] = state(index, state, pointer + "/States/" + escape(state.name()));
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

    private StateInfo state(int index, State state, String at) throws CompileException {
        boolean jsonata = state.isJsonata();
        int entryPc = size;
        emit(Opcode.ENTER, index);
        int bodyPc = size;
        TaskSpec task = null;
        MapSpec map = null;
        Program[] children = new Program[0];
        StateDetails details = state.details();
        if (details instanceof StateDetails.Fail) {
            emit(Opcode.FAIL, constant(failSpec((StateDetails.Fail) details, jsonata, at)));
            return info(index, state, entryPc, bodyPc, null, null, children, at);
        }
        if (!jsonata) {
            emitSelection(Opcode.INPUT_PATH, state.inputPath(), at + "/InputPath");
        }
        if (details instanceof StateDetails.Choice) {
            emit(Opcode.CHOICE, constant(choiceTable((StateDetails.Choice) details, state, at)));
            if (!jsonata) {
                emitSelection(Opcode.OUTPUT_PATH, state.outputPath(), at + "/OutputPath");
            }
            emit(Opcode.GOTO_CHOSEN, 0);
            return info(index, state, entryPc, bodyPc, null, null, children, at);
        }
        boolean producesResult = !(details instanceof StateDetails.Wait || details instanceof StateDetails.Succeed);
        if (details instanceof StateDetails.Wait) {
            emit(Opcode.WAIT, constant(waitSpec((StateDetails.Wait) details, jsonata, at)));
        } else if (producesResult) {
            if (state.parameters() != null && !(details instanceof StateDetails.Map)) {
                if (jsonata) {
                    emit(Opcode.ARGUMENTS, constant(jsonataField(state.parameters(), "Arguments", at + "/Arguments")));
                } else {
                    emit(Opcode.PARAMETERS, constant(template(state.parameters(), at + "/Parameters")));
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
                task = taskSpec((StateDetails.Task) details, jsonata, at);
                emit(Opcode.INVOKE, index);
            } else if (details instanceof StateDetails.Parallel) {
                List<Definition> branches = ((StateDetails.Parallel) details).branches();
                children = new Program[branches.size()];
                for (int i = 0; i < children.length; i++) {
                    children[i] = child(branches.get(i), at + "/Branches/" + i);
                }
                emit(Opcode.PARALLEL, index);
            } else if (details instanceof StateDetails.Map) {
                StateDetails.Map mapDetails = (StateDetails.Map) details;
                children = new Program[] {child(mapDetails.processor(), at + "/ItemProcessor")};
                map = mapSpec(mapDetails, jsonata, at);
                emit(Opcode.MAP, index);
            }
            if (state.resultSelector() != null && !jsonata) {
                emit(Opcode.RESULT_SELECTOR, constant(template(state.resultSelector(), at + "/ResultSelector")));
            }
        }
        if (state.assign() != null) {
            emit(Opcode.ASSIGN, constant(assignSpec(state.assign(), producesResult, jsonata, at + "/Assign")));
        }
        if (jsonata) {
            if (state.output() != null) {
                emit(Opcode.OUTPUT, constant(jsonataField(state.output(), "Output", at + "/Output")));
            } else if (producesResult && !(details instanceof StateDetails.Pass)) {
                emitPath(Opcode.RESULT_PATH, "$", at); // the output is the result
            }
        } else {
            if (producesResult) {
                emitPath(Opcode.RESULT_PATH, state.resultPath(), at + "/ResultPath");
            }
            emitSelection(Opcode.OUTPUT_PATH, state.outputPath(), at + "/OutputPath");
        }
        if (state.end() || details instanceof StateDetails.Succeed) {
            emit(Opcode.END, 0);
        } else {
            emit(Opcode.GOTO, stateIndex.get(state.next()));
        }
        return info(index, state, entryPc, bodyPc, task, map, children, at);
    }

    private StateInfo info(int index, State state, int entryPc, int bodyPc, TaskSpec task, MapSpec map,
                           Program[] children, String at) throws CompileException {
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
            String catchAt = at + "/Catch/" + i;
            boolean jsonata = state.isJsonata();
            catchers[i] = new CatchPolicy(c.errorEquals().toArray(new String[0]),
                    jsonata || c.resultPath() == null ? null : path(c.resultPath(), catchAt + "/ResultPath"),
                    jsonata, c.output() == null ? null : jsonataField(c.output(), "Output", catchAt + "/Output"),
                    c.assign() == null ? null : assignSpec(c.assign(), true, jsonata, catchAt + "/Assign"),
                    stateIndex.get(c.next()));
        }
        return new StateInfo(index, state, entryPc, bodyPc, retry, catchers, task, children, map,
                new java.util.concurrent.atomic.LongAdder());
    }

    private Program child(Definition definition, String at) throws CompileException {
        Program program = new Compiler(definition, at).program();
        usesContext |= program.usesContext();
        return program;
    }

    private ChoiceTable choiceTable(StateDetails.Choice choice, State state, String at) throws CompileException {
        boolean jsonata = state.isJsonata();
        List<ChoiceRule> rules = choice.choices();
        ChoiceCondition[] conditions = new ChoiceCondition[rules.size()];
        int[] next = new int[rules.size()];
        AssignSpec[] assigns = new AssignSpec[rules.size()];
        JsonataField[] outputs = new JsonataField[rules.size()];
        for (int i = 0; i < conditions.length; i++) {
            ChoiceRule rule = rules.get(i);
            String ruleAt = at + "/Choices/" + i;
            conditions[i] = condition(rule, ruleAt);
            next[i] = stateIndex.get(rule.next());
            assigns[i] = rule.assign() == null ? null : assignSpec(rule.assign(), false, jsonata, ruleAt + "/Assign");
            outputs[i] = rule.output() == null ? null : jsonataField(rule.output(), "Output", ruleAt + "/Output");
        }
        int defaultState = choice.defaultNext() == null ? -1 : stateIndex.get(choice.defaultNext());
        return new ChoiceTable(conditions, next, assigns, outputs, defaultState,
                state.assign() == null ? null : assignSpec(state.assign(), false, jsonata, at + "/Assign"),
                state.output() == null || !jsonata ? null : jsonataField(state.output(), "Output", at + "/Output"));
    }

    private ChoiceCondition condition(ChoiceRule rule, String at) throws CompileException {
        switch (rule.operator()) {
            case "Condition":
                return new JsonataCondition(jsonataField(rule.operand(), "Condition", at + "/Condition"));
            case "And":
            case "Or": {
                ChoiceCondition[] operands = new ChoiceCondition[rule.children().size()];
                for (int i = 0; i < operands.length; i++) {
                    operands[i] = condition(rule.children().get(i), at + "/" + rule.operator() + "/" + i);
                }
                return rule.operator().equals("And") ? ChoiceCondition.and(operands) : ChoiceCondition.or(operands);
            }
            case "Not":
                return ChoiceCondition.not(condition(rule.children().get(0), at + "/Not"));
            default:
                noteContext(rule.variable());
                if (rule.operator().endsWith("Path") && rule.operand().isTextual()) {
                    noteContext(rule.operand().asText());
                }
                try {
                    return Comparison.compile(rule.variable(), rule.operator(), rule.operand());
                } catch (IllegalArgumentException e) {
                    throw invalid(at, e.getMessage());
                }
        }
    }

    private TaskSpec taskSpec(StateDetails.Task task, boolean jsonata, String at) throws CompileException {
        return new TaskSpec(task.resource(), task.timeoutSeconds(),
                optionalPath(task.timeoutSecondsPath(), at + "/TimeoutSecondsPath"),
                expression(jsonata, task.timeoutExpression(), "TimeoutSeconds", at),
                task.heartbeatSeconds(), optionalPath(task.heartbeatSecondsPath(), at + "/HeartbeatSecondsPath"),
                expression(jsonata, task.heartbeatExpression(), "HeartbeatSeconds", at));
    }

    private WaitSpec waitSpec(StateDetails.Wait wait, boolean jsonata, String at) throws CompileException {
        JsonataField secondsExpression = expression(jsonata, wait.seconds(), "Seconds", at);
        JsonataField timestampExpression = expression(jsonata, wait.timestamp(), "Timestamp", at);
        return new WaitSpec(wait.seconds() == null || secondsExpression != null ? null : wait.seconds().asLong(),
                wait.timestamp() == null || timestampExpression != null ? null : wait.timestamp().asText(),
                optionalPath(wait.secondsPath(), at + "/SecondsPath"),
                optionalPath(wait.timestampPath(), at + "/TimestampPath"), secondsExpression, timestampExpression);
    }

    private FailSpec failSpec(StateDetails.Fail fail, boolean jsonata, String at) throws CompileException {
        JsonataField errorExpression = expression(jsonata, fail.error(), "Error", at);
        JsonataField causeExpression = expression(jsonata, fail.cause(), "Cause", at);
        return new FailSpec(fail.error() == null || errorExpression != null ? null : fail.error().asText(),
                optionalSelector("ErrorPath", fail.errorPath(), at), errorExpression,
                fail.cause() == null || causeExpression != null ? null : fail.cause().asText(),
                optionalSelector("CausePath", fail.causePath(), at), causeExpression);
    }

    private PayloadTemplate optionalSelector(String field, String expression, String at) throws CompileException {
        if (expression == null) {
            return null;
        }
        noteContext(expression);
        try {
            return PayloadTemplate.selector(field, expression);
        } catch (IllegalArgumentException e) {
            throw invalid(at + "/" + field, e.getMessage());
        }
    }

    private MapSpec mapSpec(StateDetails.Map map, boolean jsonata, String at) throws CompileException {
        if (map.itemReader() != null || map.itemBatcher() != null || map.resultWriter() != null) {
            throw unsupported(at, "ItemReader, ItemBatcher and ResultWriter are not supported yet");
        }
        JsonNode selector = map.itemSelector();
        MapSpec.JsonataExpressions expressions = !jsonata ? null : new MapSpec.JsonataExpressions(
                map.items() == null ? null : jsonataField(map.items(), "Items", at + "/Items"),
                selector == null ? null : jsonataField(selector, "ItemSelector", at + "/ItemSelector"),
                expression(true, map.maxConcurrency(), "MaxConcurrency", at),
                expression(true, map.toleratedFailurePercentage(), "ToleratedFailurePercentage", at),
                expression(true, map.toleratedFailureCount(), "ToleratedFailureCount", at));
        return new MapSpec(jsonata ? null : path(map.itemsPath(), at + "/ItemsPath"),
                selector == null || jsonata ? null : template(selector, at + "/ItemSelector"),
                map.maxConcurrency(), optionalPath(map.maxConcurrencyPath(), at + "/MaxConcurrencyPath"),
                map.toleratedFailurePercentage(),
                optionalPath(map.toleratedFailurePercentagePath(), at + "/ToleratedFailurePercentagePath"),
                map.toleratedFailureCount(),
                optionalPath(map.toleratedFailureCountPath(), at + "/ToleratedFailureCountPath"), expressions);
    }

    /** A field that holds a JSONata expression string in a JSONata state, else null (a literal). */
    private JsonataField expression(boolean jsonata, JsonNode value, String field, String at)
            throws CompileException {
        if (!jsonata || value == null || !value.isTextual() || !JsonataTemplate.isExpression(value.textValue())) {
            return null;
        }
        return jsonataField(value, field, at + "/" + field);
    }

    private JsonataField jsonataField(JsonNode template, String field, String at) throws CompileException {
        if (template.toString().contains("$states.context")) {
            usesContext = true;
        }
        try {
            return new JsonataField(JsonataTemplate.compile(template), field);
        } catch (IllegalArgumentException e) {
            throw invalid(at, e.getMessage());
        }
    }

    private AssignSpec assignSpec(JsonNode assign, boolean fromResult, boolean jsonata, String at)
            throws CompileException {
        for (java.util.Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            String name = !jsonata && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            if (!VARIABLE_NAME.matcher(name).matches() || name.equals("states")) {
                throw invalid(at + "/" + escape(key), "Invalid variable name '" + name + "': a name starts with a "
                        + "letter or underscore, continues with letters, digits or underscores, is at most 80 "
                        + "characters long and is not 'states'");
            }
        }
        return jsonata ? new AssignSpec(null, fromResult, jsonataField(assign, "Assign", at))
                : new AssignSpec(template(assign, at), fromResult, null);
    }

    private PayloadTemplate template(JsonNode template, String at) throws CompileException {
        if (template.toString().contains("$$")) {
            usesContext = true;
        }
        try {
            return PayloadTemplate.compile(template);
        } catch (IllegalArgumentException e) {
            throw invalid(at, e.getMessage());
        }
    }

    /** InputPath or OutputPath; {@code "$"} selects the whole value, so it needs no instruction. */
    private void emitSelection(int opcode, String path, String at) throws CompileException {
        if (!"$".equals(path)) {
            emitPath(opcode, path, at);
        }
    }

    private void emitPath(int opcode, String path, String at) throws CompileException {
        emit(opcode, path == null ? Instruction.NONE : constant(path(path, at)));
    }

    private JsonPath optionalPath(String text, String at) throws CompileException {
        return text == null ? null : path(text, at);
    }

    private JsonPath path(String text, String at) throws CompileException {
        noteContext(text);
        try {
            return JsonPath.compile(text);
        } catch (IllegalArgumentException e) {
            throw invalid(at, e.getMessage());
        }
    }

    private void noteContext(String path) {
        if (path != null && path.startsWith("$$")) {
            usesContext = true;
        }
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

    private static CompileException unsupported(String at, String message) {
        return new CompileException(Diagnostic.error("UNSUPPORTED_FEATURE", message, at));
    }

    private static CompileException invalid(String at, String message) {
        return new CompileException(Diagnostic.error("SCHEMA_VALIDATION_FAILED", message, at));
    }

    /** RFC 6901 escaping of one JSON Pointer segment. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
