package io.quickstep.jsonata;

import java.util.HashSet;
import java.util.Set;

/**
 * The names an expression text refers to as {@code $name}: variables and functions alike. Every
 * {@code $} is read, even inside string literals and regular expressions, so the set may hold names
 * the expression never looks up, but never misses one: a JSONata variable token is a {@code $} and
 * the characters up to the next one that ends a name, which is how this reads it.
 */
final class ReferencedNames {
    /** What ends a name in JSONata's tokenizer: four whitespace characters and the one-character operators. */
    private static final String NAME_ENDS = " \t\n\r.[]{}(),@#;:?+-*/%|=<>^&!~";

    private ReferencedNames() {
    }

    static Set<String> in(String text) {
        Set<String> names = new HashSet<>();
        for (int dollar = text.indexOf('$'); dollar >= 0; dollar = text.indexOf('$', dollar + 1)) {
            int end = dollar + 1;
            while (end < text.length() && NAME_ENDS.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end > dollar + 1) {
                names.add(text.substring(dollar + 1, end));
            }
        }
        return names;
    }
}
