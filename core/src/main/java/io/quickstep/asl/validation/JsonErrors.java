package io.quickstep.asl.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quickstep.asl.Diagnostic;
import io.quickstep.json.MalformedJsonException;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's answer to definition text that is not JSON: code INVALID_JSON_DESCRIPTION, located by the
 * parser's position in the form of the (older) Jackson AWS runs:
 * {@code [Source: (String)"text"; line: 1, column: 4]}, the text cut after 500 characters. The
 * message, where AWS quotes its parser, says what is wrong in the text's terms
 * ({@link MalformedJsonException}): {@code malformed JSON at line 1, column 1: 'not' is not a JSON value}.
 */
final class JsonErrors {
    private static final int SNIPPET = 500;
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '([^']*)'");

    private JsonErrors() {
    }

    static Diagnostic describe(JsonProcessingException e, String text) {
        String location = "[Source: (String)\"" + snippet(text) + "; "
                + position(e, Objects.toString(e.getOriginalMessage(), "")) + "]";
        return Diagnostic.error(Messages.INVALID_JSON, MalformedJsonException.of(e).getMessage(), location);
    }

    /**
     * Where the parser stood, which older Jackson reported: just after the offending input. This
     * Jackson reports where the offending token starts and, for an unrecognized token, reads on past
     * it, so that case is measured from the token's start and length.
     */
    private static String position(JsonProcessingException e, String message) {
        JsonLocation at = e.getLocation();
        Matcher unrecognized = UNRECOGNIZED.matcher(message);
        if (at != null && unrecognized.find()) {
            return position(at.getLineNr(), at.getColumnNr() + unrecognized.group(1).length());
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            at = parser.currentLocation();
        }
        return at == null ? position(1, 1) : position(at.getLineNr(), at.getColumnNr());
    }

    private static String position(int line, int column) {
        return "line: " + line + ", column: " + column;
    }

    private static String snippet(String text) {
        return text.length() <= SNIPPET ? text + "\""
                : text.substring(0, SNIPPET) + "\"[truncated " + (text.length() - SNIPPET) + " chars]";
    }
}
