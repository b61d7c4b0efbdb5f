package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceholdersTest {
    @Test
    void textWithoutPlaceholdersMatchesExactly() {
        assertTrue(Placeholders.matches("Missing 'Next' target: A", "Missing 'Next' target: A"));
        assertFalse(Placeholders.matches("Missing 'Next' target: A", "Missing 'Next' target: AB"));
    }

    @Test
    void placeholderMatchesAnyRunOfCharacters() {
        assertTrue(Placeholders.matches("arn:<partition>:states:::x", "arn:aws:states:::x"));
        assertTrue(Placeholders.matches("arn:<partition>:states:::x", "arn::states:::x"));
        assertFalse(Placeholders.matches("arn:<partition>:states:::x", "arn:aws:lambda:::x"));
    }

    @Test
    void wholePlaceholderMatchesAnything() {
        assertTrue(Placeholders.matches("<date>", "2024-01-01"));
    }

    @Test
    void regexCharactersInExpectedTextAreLiteral() {
        assertTrue(Placeholders.matches("[Source: (String)\"x\"; line: 1]", "[Source: (String)\"x\"; line: 1]"));
        assertFalse(Placeholders.matches("a.c", "abc"));
    }

    @Test
    void nullMatchesOnlyNull() {
        assertTrue(Placeholders.matches(null, null));
        assertFalse(Placeholders.matches(null, "/"));
        assertFalse(Placeholders.matches("/", null));
    }
}
