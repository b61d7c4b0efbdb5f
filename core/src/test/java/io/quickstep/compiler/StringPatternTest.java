package io.quickstep.compiler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StringPatternTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "log-*.txt     | log-2024.txt  | true",
        "log-*.txt     | log-2024.csv  | false",
        "*             | ''            | true",
        "a*b*c         | aXbYc         | true",
        "a*b*c         | aXcYb         | false",
        "*.*           | name.ext      | true",
        "\\*star       | *star         | true",
        "\\*star       | xstar         | false",
        "a\\\\b        | a\\b          | true",
        "**a           | ba            | true",
        "exact         | exact         | true",
        "exact         | exactly       | false",
    })
    void shouldMatchStarsAndEscapesAsAws(String pattern, String text, boolean expected) {
        assertEquals(expected, StringPattern.matches(pattern, text));
    }

    @org.junit.jupiter.api.Test
    void shouldRejectAPathologicalPatternWithoutBacktrackingExponentially() {
        String pattern = "*a".repeat(30) + "b";
        String text = "a".repeat(5000);
        assertEquals(false, StringPattern.matches(pattern, text));
    }
}
