package io.quickstep.compiler;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstructionProperties {

    @Property
    void decodesWhatItEncodes(@ForAll @IntRange(min = 0, max = Instruction.OPCODE_MASK) int opcode,
                              @ForAll @IntRange(min = 0, max = Instruction.NONE) int operand) {
        int instruction = Instruction.encode(opcode, operand);
        assertEquals(opcode, Instruction.opcode(instruction));
        assertEquals(operand, Instruction.operand(instruction));
    }

    @Example
    void refusesWhatDoesNotFit() {
        assertThrows(IllegalArgumentException.class, () -> Instruction.encode(Instruction.OPCODE_MASK + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Instruction.encode(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Instruction.encode(0, Instruction.NONE + 1));
        assertThrows(IllegalArgumentException.class, () -> Instruction.encode(0, -1));
    }
}
