package io.quickstep.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * JSON text that cannot be read, said in the terms of the text its writer wrote: what is wrong and
 * where (line and column, counted from 1), never the parser's internals. The message reads
 * {@code malformed JSON at line 3, column 5: unexpected end of input (...)}, or for text that is
 * well formed but beyond a limit, {@code JSON nested deeper than 512 levels at line 1, column 513}.
 *
 * <p>{@link #of} is the one place a parser's complaint is put into these terms; every message a
 * user sees about JSON that does not parse comes from it.
 */
public final class MalformedJsonException extends Exception {
    private final int line;
    private final int column;

    private MalformedJsonException(String headline, int line, int column, String problem, Throwable cause) {
        super(headline + (line > 0 ? " at line " + line + ", column " + column : "")
                + (problem == null ? "" : ": " + problem), cause, false, false);
        this.line = line;
        this.column = column;
    }

    /** Jackson's complaint about a text, in the text's terms. */
    public static MalformedJsonException of(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at == null && e.getProcessor() instanceof JsonParser parser) {
            at = parser.currentLocation();
        }
        String message = String.valueOf(e.getOriginalMessage());
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : Math.max(1, at.getColumnNr() - JacksonComplaints.columnsPastStart(message));
        if (e instanceof StreamConstraintsException) {
            return new MalformedJsonException(JacksonComplaints.limit(message), line, column, null, e);
        }
        return new MalformedJsonException("malformed JSON", line, column, JacksonComplaints.problem(e, message), e);
    }

    /** Text that holds no JSON value at all: nothing, or only white space. */
    static MalformedJsonException empty(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        return new MalformedJsonException("malformed JSON", lines.length, lines[lines.length - 1].length() + 1,
                "no JSON value, the text is " + (text.isEmpty() ? "empty" : "only white space"), null);
    }

    /** The line of the problem, counted from 1; 0 when the parser could not say. */
    public int line() {
        return line;
    }

    /** The column of the problem on its line, counted from 1; 0 when the parser could not say. */
    public int column() {
        return column;
    }
}
