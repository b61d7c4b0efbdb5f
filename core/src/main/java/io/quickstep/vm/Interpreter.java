package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.ChoiceTable;
import io.quickstep.compiler.FailSpec;
import io.quickstep.compiler.Instruction;
import io.quickstep.compiler.Opcode;
import io.quickstep.compiler.PayloadTemplate;
import io.quickstep.compiler.Program;
import io.quickstep.compiler.StateInfo;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;

/**
 * The VM: one dispatch loop over a {@link Program}'s instructions. It runs a frame from its
 * program's start to an END (returning the output) or to an error no Retry or Catch handles
 * (throwing it). It holds no state of its own and starts no threads: time passes only through the
 * execution's {@link Clock}.
 */
public final class Interpreter {
    private Interpreter() {
    }

    /** Runs a whole execution's top-level program on {@code input}. */
    public static JsonNode run(Execution execution, Program program, JsonNode input) {
        return run(new Frame(execution, program), input);
    }

    static JsonNode run(Frame frame, JsonNode input) {
        final Program program = frame.program;
        final int[] code = program.code();
        final Object[] constants = program.constants();
        final StateInfo[] states = program.states();
        int pc = program.startPc();
        JsonNode value = input;
        JsonNode stateInput = input;
        JsonNode result = null;
        int chosen = -1;
        while (true) {
            final int instruction = code[pc];
            final int operand = Instruction.operand(instruction);
            try {
                switch (Instruction.opcode(instruction)) {
                    case Opcode.ENTER:
                        Deadline.check(frame.execution);
                        frame.enter(states[operand]);
                        stateInput = value;
                        frame.stateInput = value;
                        break;
                    case Opcode.INPUT_PATH:
                        value = operand == Instruction.NONE ? Json.NODES.objectNode()
                                : Paths.select((JsonPath) constants[operand], value, frame);
                        break;
                    case Opcode.PARAMETERS:
                        frame.scopeInput = value;
                        value = ((PayloadTemplate) constants[operand]).evaluate(frame);
                        break;
                    case Opcode.RESULT_CONSTANT:
                        result = (JsonNode) constants[operand];
                        break;
                    case Opcode.RESULT_VALUE:
                        result = value;
                        break;
                    case Opcode.INVOKE:
                        result = Tasks.invoke(frame, states[operand], value);
                        break;
                    case Opcode.RESULT_SELECTOR:
                        frame.scopeInput = result;
                        result = ((PayloadTemplate) constants[operand]).evaluate(frame);
                        break;
                    case Opcode.RESULT_PATH:
                        value = operand == Instruction.NONE ? stateInput
                                : Paths.merge((JsonPath) constants[operand], stateInput, result);
                        break;
                    case Opcode.OUTPUT_PATH:
                        value = operand == Instruction.NONE ? Json.NODES.objectNode()
                                : Paths.select((JsonPath) constants[operand], value, frame);
                        break;
                    case Opcode.CHOICE:
                        chosen = Choices.choose((ChoiceTable) constants[operand], frame, value);
                        break;
                    case Opcode.WAIT:
                        Waits.await((io.quickstep.compiler.WaitSpec) constants[operand], frame, value);
                        break;
                    case Opcode.PARALLEL:
                        result = Branches.parallel(frame, states[operand], value);
                        break;
                    case Opcode.MAP:
                        result = Branches.map(frame, states[operand], value);
                        break;
                    case Opcode.FAIL:
                        throw Failures.fail((FailSpec) constants[operand], frame, value);
                    case Opcode.GOTO:
                        exit(frame, value);
                        pc = operand;
                        continue;
                    case Opcode.GOTO_CHOSEN:
                        exit(frame, value);
                        pc = states[chosen].entryPc();
                        continue;
                    case Opcode.END:
                        exit(frame, value);
                        return value;
                    default:
                        throw new IllegalStateException("bad opcode " + Instruction.opcode(instruction) + " at pc " + pc);
                }
                pc++;
            } catch (ExecutionFailure failure) {
                StateInfo state = frame.state;
                Recovery recovery = Recovery.recover(frame, state, failure, stateInput);
                if (recovery.retry) {
                    frame.retried();
                    value = stateInput;
                    pc = state.bodyPc();
                } else {
                    value = recovery.output;
                    ++frame.execution.eventId; // the state's exit
                    pc = states[recovery.nextState].entryPc();
                }
            }
        }
    }

    /** A state's exit: its output must fit AWS's payload limit; the exited event is counted. */
    private static void exit(Frame frame, JsonNode output) {
        DataLimit.check(output, frame.state);
        ++frame.execution.eventId;
    }
}
