package io.quickstep.compiler;

import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Renders a {@link Program} as a stable, human-readable listing: one section per program (the state
 * machine, then each Parallel branch and Map item processor, depth first), headed by the JSON Pointer
 * of its definition and its start pc, then one line per instruction:
 *
 * <pre>
 * == / ==  StartAt 0000 (Normalize)
 * 0000  ENTER           Normalize
 * 0001  PARAMETERS      {orderId.$: $.orderId, source: "api"}
 * 0002  RESULT_VALUE
 * 0003  RESULT_PATH     $
 * 0004  GOTO            0005 (Route)
 * </pre>
 *
 * Jump targets read {@code pc (state)}. Lines starting with {@code ;} under an ENTER are not
 * instructions: they show the state's Retry and Catch rules, which live in its state table entry.
 * In operands, quoted text and JSON are constants; bare text is a path or intrinsic call.
 */
public final class Disassembler {
    private static final String NOTE = "      ; ";

    private final Program program;
    private final StringBuilder out;

    private Disassembler(Program program, StringBuilder out) {
        this.program = program;
        this.out = out;
    }

    public static String listing(Program program) {
        StringBuilder out = new StringBuilder();
        section(program, "", out);
        return out.toString();
    }

    /** Lists one program, then its children, each under the JSON Pointer of its block in the definition. */
    private static void section(Program program, String pointer, StringBuilder out) {
        Disassembler disassembler = new Disassembler(program, out);
        out.append("== ").append(pointer.isEmpty() ? "/" : pointer).append(" ==  StartAt ")
                .append(disassembler.target(program.startPc())).append('\n');
        for (int pc = 0; pc < program.code().length; pc++) {
            disassembler.instruction(pc);
        }
        for (StateInfo state : program.states()) {
            String at = pointer + "/States/" + Json.pointerSegment(state.name());
            Program[] children = state.children();
            for (int i = 0; i < children.length; i++) {
                section(children[i], state.map() != null ? at + "/ItemProcessor" : at + "/Branches/" + i, out);
            }
        }
    }

    private void instruction(int pc) {
        int instruction = program.code()[pc];
        int opcode = Instruction.opcode(instruction);
        int operand = Instruction.operand(instruction);
        String line = String.format(Locale.ROOT, "%04d  %-16s%s", pc, Opcode.name(opcode), operand(opcode, operand));
        out.append(line.stripTrailing()).append('\n');
        if (opcode == Opcode.ENTER) {
            recovery(program.states()[operand]);
        }
    }

    private String operand(int opcode, int operand) {
        return switch (opcode) {
            case Opcode.ENTER -> program.states()[operand].name();
            case Opcode.INPUT_PATH, Opcode.RESULT_PATH, Opcode.OUTPUT_PATH ->
                    operand == Instruction.NONE ? "null" : ((JsonPath) constant(operand)).text();
            case Opcode.PARAMETERS, Opcode.RESULT_CONSTANT, Opcode.RESULT_SELECTOR ->
                    OperandText.template((PayloadTemplate) constant(operand));
            case Opcode.INVOKE -> named(operand, OperandText.task(program.states()[operand].task()));
            case Opcode.PARALLEL -> named(operand, program.states()[operand].children().length + " branches");
            case Opcode.MAP -> named(operand, OperandText.map(program.states()[operand].map()));
            case Opcode.CHOICE -> choice((ChoiceTable) constant(operand));
            case Opcode.WAIT -> OperandText.wait((WaitSpec) constant(operand));
            case Opcode.FAIL -> OperandText.fail((FailSpec) constant(operand));
            case Opcode.ARGUMENTS, Opcode.OUTPUT -> OperandText.jsonata((JsonataField) constant(operand));
            case Opcode.ASSIGN -> OperandText.assign((AssignSpec) constant(operand));
            case Opcode.GOTO -> target(operand);
            // RESULT_VALUE, GOTO_CHOSEN and END ignore their operand.
            case Opcode.RESULT_VALUE, Opcode.GOTO_CHOSEN, Opcode.END -> "";
            // An opcode this listing does not know (Opcode.name calls it OP_n): its raw operand.
            default -> String.valueOf(operand);
        };
    }

    private Object constant(int index) {
        return program.constants()[index];
    }

    private String named(int state, String details) {
        return program.states()[state].name() + "  " + details;
    }

    /** The rule count, each rule's target in order, and the Default's. */
    private String choice(ChoiceTable table) {
        int[] next = table.nextStates();
        StringJoiner targets = new StringJoiner(", ", next.length + (next.length == 1 ? " rule -> " : " rules -> "), "");
        for (int state : next) {
            targets.add(stateTarget(state));
        }
        int defaultState = table.defaultState();
        return targets + (defaultState < 0 ? "; no Default" : "; Default -> " + stateTarget(defaultState));
    }

    /** Notes under a state's ENTER: its Retry and Catch rules, from the state table, not the code. */
    private void recovery(StateInfo state) {
        for (RetryPolicy retry : state.retry()) {
            out.append(NOTE).append("Retry ").append(OperandText.retry(retry)).append('\n');
        }
        for (CatchPolicy catcher : state.catchers()) {
            out.append(NOTE).append("Catch [").append(String.join(", ", catcher.errorEquals())).append("] -> ")
                    .append(stateTarget(catcher.nextState()));
            if (catcher.jsonata()) {
                out.append(", Output ").append(catcher.output() == null ? "$states.errorOutput"
                        : OperandText.jsonata(catcher.output()));
            } else {
                out.append(", ResultPath ").append(catcher.resultPath() == null ? "null" : catcher.resultPath().text());
            }
            if (catcher.assign() != null) {
                out.append(", Assign ").append(OperandText.assign(catcher.assign()));
            }
            out.append('\n');
        }
    }

    private String stateTarget(int state) {
        return target(program.states()[state].entryPc());
    }

    /** A jump target: its pc and the state whose ENTER is there (a jump anywhere else is a compiler bug). */
    private String target(int pc) {
        for (StateInfo state : program.states()) {
            if (state.entryPc() == pc) {
                return String.format(Locale.ROOT, "%04d (%s)", pc, state.name());
            }
        }
        return String.format(Locale.ROOT, "%04d (not an ENTER)", pc);
    }
}
