package io.quickstep.path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                 | 0  | a path starts with '$'",
        "a.b                | 0  | a path starts with '$'",
        "$.                 | 2  | expected a name",
        "$..                | 3  | expected a name",
        "$.a..              | 5  | expected a name",
        "$a b               | 2  | expected '.' or '['",
        "$.a b              | 3  | use bracket notation",
        "$.a.length()       | 10 | functions are not supported",
        "$[                 | 2  | expected '*', '?', a quoted name or an index",
        "$.a[0              | 5  | expected ']'",
        "$.a['b             | 4  | unterminated string",
        "$.a[b]             | 4  | expected '*', '?', a quoted name or an index",
        "$.a[1.5]           | 5  | expected ']'",
        "$.a[99999999999]   | 4  | expected an integer",
        "$.a[1:2:3]         | 7  | expected ']'",
        "$['a','b'].c       | 10 | several names in brackets can only end a path",
        "$$x                | 2  | expected '.' or '['",
        "$.a[?(@.x ==)]     | 12 | expected '@', '$', a string, a number",
        "$.a[?(@.x =~ /a/)] | 10 | regular expressions are not supported",
        "$.a[?(1)]          | 6  | a filter condition on its own must be a path",
        "$.a[?(@.x > 1]     | 13 | expected ')'",
        "$.a[?(@.x > 1)     | 14 | expected ']'",
        "$.a[?(@.x > 1-)]   | 12 | malformed number",
    })
    void rejectsMalformedPathsNamingPathAndPosition(String path, int position, String reason) {
        PathSyntaxException e = assertThrows(PathSyntaxException.class, () -> JsonPath.compile(path));
        assertEquals(path, e.path());
        assertEquals(position, e.position());
        assertTrue(e.getMessage().startsWith("Invalid JSONPath '" + path + "' at position " + position + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void isAnIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("nope"));
    }
}
