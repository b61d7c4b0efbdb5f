package io.quickstep.compiler;

/**
 * The instruction set. Registers of the VM: {@code input} (the state's raw input), {@code value}
 * (the value being processed) and {@code result} (the state's result).
 */
public final class Opcode {
    /** Enter state #operand: input = value; counts the entered event and resets retry counters. */
    public static final int ENTER = 0;
    /** value = constant path #operand read from value; NONE: value = {} (InputPath null). */
    public static final int INPUT_PATH = 1;
    /** value = payload template #operand evaluated against value (Parameters). */
    public static final int PARAMETERS = 2;
    /** result = constant template #operand (a Pass state's Result, a literal). */
    public static final int RESULT_CONSTANT = 3;
    /** result = value (a Pass state without Result). */
    public static final int RESULT_VALUE = 4;
    /** result = the Task of state #operand invoked with value. */
    public static final int INVOKE = 5;
    /** result = payload template #operand evaluated against result (ResultSelector). */
    public static final int RESULT_SELECTOR = 6;
    /** value = result written at constant path #operand into input; NONE: value = input (ResultPath null). */
    public static final int RESULT_PATH = 7;
    /** value = constant path #operand read from value; NONE: value = {} (OutputPath null). */
    public static final int OUTPUT_PATH = 8;
    /** target = the pc chosen by choice table #operand for value, or States.NoChoiceMatched. */
    public static final int CHOICE = 9;
    /** Waits as constant wait spec #operand says. */
    public static final int WAIT = 10;
    /** result = the branches of Parallel state #operand run on value. */
    public static final int PARALLEL = 11;
    /** result = Map state #operand's item processor run over the items of value. */
    public static final int MAP = 12;
    /** Fails the execution with constant fail spec #operand. */
    public static final int FAIL = 13;
    /** Leaves the state and jumps to pc #operand (the next state's ENTER). */
    public static final int GOTO = 14;
    /** Leaves the state and jumps to the target a CHOICE chose. */
    public static final int GOTO_CHOSEN = 15;
    /** Leaves the state and ends the program with value as its output. */
    public static final int END = 16;
    /** value = JSONata Arguments #operand evaluated on {@code $states.input}. */
    public static final int ARGUMENTS = 17;
    /** value = JSONata Output #operand evaluated on {@code $states} (input, result). */
    public static final int OUTPUT = 18;
    /** Evaluates Assign #operand; the variables are set when the state is left. */
    public static final int ASSIGN = 19;

    private static final String[] NAMES = {"ENTER", "INPUT_PATH", "PARAMETERS", "RESULT_CONSTANT", "RESULT_VALUE",
        "INVOKE", "RESULT_SELECTOR", "RESULT_PATH", "OUTPUT_PATH", "CHOICE", "WAIT", "PARALLEL", "MAP", "FAIL",
        "GOTO", "GOTO_CHOSEN", "END", "ARGUMENTS", "OUTPUT", "ASSIGN"};

    private Opcode() {
    }

    public static String name(int opcode) {
        return opcode >= 0 && opcode < NAMES.length ? NAMES[opcode] : "OP_" + opcode;
    }
}
