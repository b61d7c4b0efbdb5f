package io.quickstep.compiler;

/**
 * The layout of one instruction in a {@link Program}'s code array.
 *
 * <pre>
 *  31                                8 7          0
 * +-----------------------------------+------------+
 * |             operand (24 bits)     | opcode (8) |
 * +-----------------------------------+------------+
 * </pre>
 *
 * The operand is an index: into the constant pool, the state table or the code array, as the
 * opcode's comment in {@link Opcode} says. {@link #NONE} stands for "no operand" (a JSON null path).
 */
public final class Instruction {
    public static final int OPCODE_BITS = 8;
    public static final int OPCODE_MASK = (1 << OPCODE_BITS) - 1;
    public static final int MAX_OPERAND = (1 << (32 - OPCODE_BITS)) - 2;
    /** The operand value that means "absent". */
    public static final int NONE = MAX_OPERAND + 1;

    private Instruction() {
    }

    public static int encode(int opcode, int operand) {
        if (opcode < 0 || opcode > OPCODE_MASK || operand < 0 || operand > NONE) {
            throw new IllegalArgumentException("instruction out of range: opcode " + opcode + " operand " + operand);
        }
        return (operand << OPCODE_BITS) | opcode;
    }

    public static int opcode(int instruction) {
        return instruction & OPCODE_MASK;
    }

    public static int operand(int instruction) {
        return instruction >>> OPCODE_BITS;
    }
}
