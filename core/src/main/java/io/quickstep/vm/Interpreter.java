package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.AssignSpec;
import io.quickstep.compiler.ChoiceTable;
import io.quickstep.compiler.JsonataField;
import io.quickstep.compiler.FailSpec;
import io.quickstep.compiler.Instruction;
import io.quickstep.compiler.Opcode;
import io.quickstep.compiler.PayloadTemplate;
import io.quickstep.compiler.StateInfo;
import io.quickstep.compiler.WaitSpec;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;

/**
 * The VM: one dispatch loop over a {@link io.quickstep.compiler.Program}'s instructions. It runs a
 * frame until the frame completes, fails, or must wait (a task in flight, a timer, child frames
 * running), and then returns; whoever drives the execution resumes the frame when what it waits for
 * arrives. It holds no state of its own, starts no threads and never blocks.
 *
 * <p>Beside each register the frame keeps an upper bound of its value's size in bytes, derived
 * without looking at the value (a path selects part of its input; a ResultPath merge adds the two
 * sizes; templates know their own bound), so that the payload limit costs nothing until a bound
 * passes it (see {@link DataLimit}).
 */
public final class Interpreter {
    private Interpreter() {
    }

    /**
     * Runs {@code frame} from its pc until it completes, fails, suspends, or yields: a frame left
     * RUNNABLE has used up its execution's slice (see {@link Execution#mayContinue()}).
     */
    static void run(Frame frame) {
        final int[] code = frame.program.code();
        final Object[] constants = frame.program.constants();
        final StateInfo[] states = frame.program.states();
        // The state a CHOICE chose, for the GOTO_CHOSEN after it: a Choice state never suspends
        // between the two, so it needs no register of the frame's.
        int chosen = 0;
        frame.status = Frame.Status.RUNNABLE;
        if (frame.unbegun) {
            frame.unbegun = false;
            frame.parentGroup.begun(frame);
        }
        if (frame.pendingFailure != null) {
            ExecutionFailure failure = frame.pendingFailure;
            frame.pendingFailure = null;
            if (!recover(frame, failure)) {
                return;
            }
        }
        while (true) {
            final int instruction = code[frame.pc];
            final int operand = Instruction.operand(instruction);
            try {
                switch (Instruction.opcode(instruction)) {
                    case Opcode.ENTER:
                        if (!frame.execution.mayContinue()) {
                            return; // yields, RUNNABLE at this ENTER: the driver runs it again later
                        }
                        frame.enter(states[operand]);
                        break;
                    case Opcode.INPUT_PATH:
                    case Opcode.OUTPUT_PATH:
                        frame.value = operand == Instruction.NONE ? Json.NODES.objectNode()
                                : Paths.select((JsonPath) constants[operand], frame.value, frame);
                        break;
                    case Opcode.PARAMETERS: {
                        PayloadTemplate template = (PayloadTemplate) constants[operand];
                        frame.value = evaluate(template, frame, frame.value);
                        frame.valueBytes = template.sizeBound(frame.valueBytes);
                        break;
                    }
                    case Opcode.RESULT_CONSTANT: {
                        PayloadTemplate template = (PayloadTemplate) constants[operand];
                        frame.result = template.evaluate(frame);
                        frame.resultBytes = template.sizeBound(0);
                        break;
                    }
                    case Opcode.RESULT_VALUE:
                        frame.result = frame.value;
                        frame.resultBytes = frame.valueBytes;
                        break;
                    case Opcode.INVOKE:
                        Tasks.prepare(frame, states[operand]);
                        return;
                    case Opcode.RESULT_SELECTOR: {
                        PayloadTemplate template = (PayloadTemplate) constants[operand];
                        frame.result = evaluate(template, frame, frame.result);
                        frame.resultBytes = template.sizeBound(frame.resultBytes);
                        break;
                    }
                    case Opcode.RESULT_PATH:
                        if (operand == Instruction.NONE) {
                            frame.value = frame.stateInput;
                            frame.valueBytes = frame.stateInputBytes;
                        } else {
                            JsonPath path = (JsonPath) constants[operand];
                            frame.value = Paths.merge(path, frame.stateInput, frame.result);
                            frame.valueBytes = frame.stateInputBytes + frame.resultBytes + path.text().length();
                        }
                        break;
                    case Opcode.CHOICE:
                        chosen = Choices.choose((ChoiceTable) constants[operand], frame, frame.value);
                        break;
                    case Opcode.ARGUMENTS:
                        frame.value = ((JsonataField) constants[operand]).evaluate(frame);
                        frame.valueBytes = DataLimit.measure(frame.value);
                        break;
                    case Opcode.OUTPUT:
                        frame.value = ((JsonataField) constants[operand]).evaluate(frame);
                        frame.valueBytes = DataLimit.measure(frame.value);
                        break;
                    case Opcode.ASSIGN:
                        Assignments.evaluate((AssignSpec) constants[operand], frame);
                        break;
                    case Opcode.WAIT:
                        frame.sleepUntil(Waits.wakeAt((WaitSpec) constants[operand], frame, frame.value), frame.pc + 1);
                        return;
                    case Opcode.PARALLEL:
                        Children.parallel(frame, states[operand]);
                        if (frame.status == Frame.Status.WAITING_CHILDREN) {
                            return;
                        }
                        continue; // no branches: the result is there and pc has moved on
                    case Opcode.MAP:
                        Children.map(frame, states[operand]);
                        if (frame.status == Frame.Status.WAITING_CHILDREN) {
                            return;
                        }
                        continue;
                    case Opcode.FAIL:
                        throw Failures.fail((FailSpec) constants[operand], frame, frame.value);
                    case Opcode.GOTO:
                        exit(frame);
                        frame.pc = operand;
                        continue;
                    case Opcode.GOTO_CHOSEN:
                        exit(frame);
                        frame.pc = states[chosen].entryPc();
                        continue;
                    case Opcode.END:
                        exit(frame);
                        frame.output = frame.value;
                        frame.status = Frame.Status.COMPLETED;
                        frame.execution.finished(frame);
                        return;
                    default:
                        throw new IllegalStateException("bad opcode " + Instruction.opcode(instruction)
                                + " at pc " + frame.pc);
                }
                frame.pc++;
            } catch (ExecutionFailure failure) {
                if (!recover(frame, failure)) {
                    return;
                }
            }
        }
    }

    /**
     * Applies the state's Retry and Catch rules to a failure. Returns true when the frame goes on
     * at once (caught, or retried without delay); false when it now waits (a retry's back-off) or
     * has failed.
     */
    private static boolean recover(Frame frame, ExecutionFailure failure) {
        frame.attemptFailed();
        // The cause names the state before any rule sees it: a Catch hands on the same text.
        ExecutionFailure located = Recovery.located(failure, frame);
        if (located != failure && StatesErrors.QUERY_EVALUATION_ERROR.equals(located.error())) {
            History.evaluationFailed(frame, located);
        }
        failure = located;
        Recovery recovery;
        try {
            recovery = Recovery.recover(frame, frame.state, failure, frame.stateInput);
        } catch (ExecutionFailure catchFailed) {
            // A Catch whose ResultPath cannot be applied fails the state with that error instead.
            failure = catchFailed;
            recovery = null;
        }
        if (recovery == null || !recovery.retry) {
            History.stateFailed(frame, failure);
        }
        if (recovery == null) {
            frame.left();
            frame.failure = failure;
            frame.status = Frame.Status.FAILED;
            frame.execution.finished(frame);
            return false;
        }
        if (recovery.retry) {
            frame.restartState();
            if (recovery.delayMillis > 0) {
                frame.sleepUntil(frame.execution.clock.millis() + recovery.delayMillis, frame.pc);
                return false;
            }
            return true;
        }
        frame.left();
        frame.value = recovery.output;
        frame.valueBytes = DataLimit.measure(recovery.output);
        JsonNode assigned;
        try {
            assigned = frame.applyAssignments();
        } catch (ExecutionFailure tooLarge) {
            // The Catch's own assignments broke a limit: nothing catches that.
            frame.failure = Recovery.located(tooLarge, frame);
            frame.status = Frame.Status.FAILED;
            frame.execution.finished(frame);
            return false;
        }
        History.stateExited(frame, assigned);
        frame.pc = frame.program.states()[recovery.nextState].entryPc();
        return true;
    }

    /** A JSONPath template evaluated with {@code input} as {@code $}. */
    private static JsonNode evaluate(PayloadTemplate template, Frame frame, JsonNode input) {
        frame.scopeInput = input;
        return template.evaluate(frame);
    }

    /** A state's exit: its output must fit AWS's payload limit; then the exited event. */
    private static void exit(Frame frame) {
        frame.valueBytes = DataLimit.checkOutput(frame.value, frame.valueBytes, frame.state.name());
        History.stateExited(frame, frame.applyAssignments());
        frame.left();
    }
}
