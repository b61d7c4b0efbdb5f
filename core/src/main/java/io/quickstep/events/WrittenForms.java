package io.quickstep.events;

import java.util.function.Function;

/**
 * The written form of strings that recur in every execution (field names, the engine's state
 * names), remembered so that writing one again is a copy. A bounded table: a string whose slot
 * another took is made again. Not thread-safe.
 */
final class WrittenForms {
    private static final int SLOTS = 512;

    private final String[] strings = new String[SLOTS];
    private final byte[][] forms = new byte[SLOTS][];
    private final Function<String, byte[]> form;

    /** @param form makes a string's written form */
    WrittenForms(Function<String, byte[]> form) {
        this.form = form;
    }

    /** The written form of {@code text}. */
    byte[] of(String text) {
        int slot = text.hashCode() & (SLOTS - 1);
        String known = strings[slot];
        // The same name is often two instances (a parsed input's, a compiled template's): equal will do.
        if (known == text || text.equals(known)) {
            return forms[slot];
        }
        byte[] written = form.apply(text);
        strings[slot] = text;
        forms[slot] = written;
        return written;
    }
}
