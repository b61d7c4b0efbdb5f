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

    /** Runs a whole execution's top-level program on {@code input}, of {@code inputBytes} bytes. */
    public static JsonNode run(Execution execution, Program program, JsonNode input, long inputBytes) {
        return run(new Frame(execution, program), input, inputBytes);
    }

    /**
     * Runs a frame. Beside each register the loop keeps an upper bound of its value's size in
     * bytes, derived without looking at the value (a path selects part of its input; a ResultPath
     * merge adds the two sizes; templates know their own bound), so that the payload limit costs
     * nothing until a bound passes it (see {@link DataLimit}).
     */
    static JsonNode run(Frame frame, JsonNode input, long inputBytes) {
        final Program program = frame.program;
        final int[] code = program.code();
        final Object[] constants = program.constants();
        final StateInfo[] states = program.states();
        int pc = program.startPc();
        JsonNode value = input;
        JsonNode stateInput = input;
        JsonNode result = null;
        long valueBytes = inputBytes;
        long stateInputBytes = inputBytes;
        long resultBytes = 0;
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
                        stateInputBytes = valueBytes;
                        frame.stateInput = value;
                        break;
                    case Opcode.INPUT_PATH:
                        value = operand == Instruction.NONE ? Json.NODES.objectNode()
                                : Paths.select((JsonPath) constants[operand], value, frame);
                        break;
                    case Opcode.PARAMETERS: {
                        PayloadTemplate template = (PayloadTemplate) constants[operand];
                        frame.scopeInput = value;
                        value = template.evaluate(frame);
                        valueBytes = template.sizeBound(valueBytes);
                        break;
                    }
                    case Opcode.RESULT_CONSTANT: {
                        PayloadTemplate template = (PayloadTemplate) constants[operand];
                        result = template.evaluate(frame);
                        resultBytes = template.sizeBound(0);
                        break;
                    }
                    case Opcode.RESULT_VALUE:
                        result = value;
                        resultBytes = valueBytes;
                        break;
                    case Opcode.INVOKE:
                        result = Tasks.invoke(frame, states[operand], value);
                        resultBytes = DataLimit.measure(result);
                        if (resultBytes > DataLimit.MAX_BYTES) {
                            throw DataLimit.exceeded(states[operand].task().resource());
                        }
                        break;
                    case Opcode.RESULT_SELECTOR: {
                        PayloadTemplate template = (PayloadTemplate) constants[operand];
                        frame.scopeInput = result;
                        result = template.evaluate(frame);
                        resultBytes = template.sizeBound(resultBytes);
                        break;
                    }
                    case Opcode.RESULT_PATH:
                        if (operand == Instruction.NONE) {
                            value = stateInput;
                            valueBytes = stateInputBytes;
                        } else {
                            JsonPath path = (JsonPath) constants[operand];
                            value = Paths.merge(path, stateInput, result);
                            valueBytes = stateInputBytes + resultBytes + path.text().length();
                        }
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
                        result = Branches.parallel(frame, states[operand], value, valueBytes);
                        resultBytes = DataLimit.measure(result);
                        break;
                    case Opcode.MAP:
                        result = Branches.map(frame, states[operand], value, valueBytes);
                        resultBytes = DataLimit.measure(result);
                        break;
                    case Opcode.FAIL:
                        throw Failures.fail((FailSpec) constants[operand], frame, value);
                    case Opcode.GOTO:
                        valueBytes = exit(frame, value, valueBytes);
                        pc = operand;
                        continue;
                    case Opcode.GOTO_CHOSEN:
                        valueBytes = exit(frame, value, valueBytes);
                        pc = states[chosen].entryPc();
                        continue;
                    case Opcode.END:
                        exit(frame, value, valueBytes);
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
                    valueBytes = stateInputBytes;
                    pc = state.bodyPc();
                } else {
                    value = recovery.output;
                    valueBytes = DataLimit.measure(value);
                    ++frame.execution.eventId; // the state's exit
                    pc = states[recovery.nextState].entryPc();
                }
            }
        }
    }

    /** A state's exit: its output must fit AWS's payload limit; the exited event is counted. */
    private static long exit(Frame frame, JsonNode output, long outputBytes) {
        long bound = DataLimit.checkOutput(output, outputBytes, frame.state.name());
        ++frame.execution.eventId;
        return bound;
    }
}
