package io.quickstep.jsonata;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names an expression text refers to as {@code $name}: variables and functions alike, and
 * whether it may read the context object through {@code $states}. Every {@code $} is read, even
 * inside string literals and regular expressions, so the set may hold names the expression never
 * looks up, but never misses one: a JSONata variable token is a {@code $} and the characters up to
 * the next one that ends a name, which is how this reads it.
 *
 * @param names        the names, without their {@code $}
 * @param readsContext whether some {@code $states} is used other than as {@code $states.input},
 *                     {@code $states.result} or {@code $states.errorOutput}: such a use may reach
 *                     {@code context} ({@code $states.context}, {@code $lookup($states, 'context')})
 */
record ReferencedNames(Set<String> names, boolean readsContext) {
    /** What ends a name in JSONata's tokenizer: four whitespace characters and the one-character operators. */
    private static final String NAME_ENDS = " \t\n\r.[]{}(),@#;:?+-*/%|=<>^&!~";
    static final String STATES = "states";
    private static final List<String> NOT_CONTEXT = List.of("input", "result", "errorOutput");

    static ReferencedNames in(String text) {
        Set<String> names = new HashSet<>();
        boolean context = false;
        for (int dollar = text.indexOf('$'); dollar >= 0; dollar = text.indexOf('$', dollar + 1)) {
            int end = nameEnd(text, dollar + 1);
            String name = text.substring(dollar + 1, end);
            if (!name.isEmpty()) {
                names.add(name);
                context |= name.equals(STATES) && !nonContextMemberAt(text, end);
            }
        }
        return new ReferencedNames(Set.copyOf(names), context);
    }

    /** Whether {@code .input}, {@code .result} or {@code .errorOutput} is written at {@code at}. */
    private static boolean nonContextMemberAt(String text, int at) {
        if (!text.startsWith(".", at)) {
            return false;
        }
        String member = text.substring(at + 1, nameEnd(text, at + 1));
        return NOT_CONTEXT.contains(member);
    }

    private static int nameEnd(String text, int from) {
        int end = from;
        while (end < text.length() && NAME_ENDS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }
}
