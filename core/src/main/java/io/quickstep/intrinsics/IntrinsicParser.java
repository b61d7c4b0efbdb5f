package io.quickstep.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;
import io.quickstep.path.PathSyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of intrinsic calls:
 * <pre>
 * call     := 'States.' name '(' [argument (',' argument)*] ')'
 * argument := 'string' | number | true | false | null | path | call
 * </pre>
 * String literals are single-quoted; inside them {@code \'}, {@code \{}, {@code \}} and
 * {@code \\} are the only escapes. Blanks may surround arguments.
 */
final class IntrinsicParser {
    private static final String PREFIX = "States.";
    private static final String ESCAPABLE = "'{}\\";

    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    static Intrinsic parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        Argument call = parser.call();
        parser.skipBlanks();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the call");
        }
        return new CompiledIntrinsic(text, call);
    }

    private Argument call() {
        int start = pos;
        if (!text.startsWith(PREFIX, pos)) {
            throw error("expected a call such as States.Format(...)");
        }
        int end = pos + PREFIX.length();
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        String name = text.substring(pos, end);
        Function function = Function.named(name);
        if (function == null) {
            throw error("unknown function '" + name + "'");
        }
        pos = end;
        expect('(');
        List<Argument> arguments = new ArrayList<>();
        skipBlanks();
        if (peek() == ')') {
            pos++;
        } else {
            while (true) {
                arguments.add(argument());
                skipBlanks();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                expect(',');
            }
        }
        if (arguments.size() < function.minArgs || arguments.size() > function.maxArgs) {
            throw new IntrinsicSyntaxException(text, start, name + " takes " + function.arity()
                    + " argument(s) but is given " + arguments.size());
        }
        Argument[] args = arguments.toArray(new Argument[0]);
        if (function == Function.FORMAT) {
            String source = args[0] instanceof Literal ? ((Literal) args[0]).source() : null;
            return new FormatCall(source == null ? null : Template.parse(source), args);
        }
        return new Call(function, args);
    }

    private Argument argument() {
        skipBlanks();
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return number();
        }
        if (text.startsWith(PREFIX, pos)) {
            return call();
        }
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        switch (text.substring(start, pos)) {
            case "true": return new Literal(Json.NODES.booleanNode(true), null);
            case "false": return new Literal(Json.NODES.booleanNode(false), null);
            case "null": return new Literal(Json.NODES.nullNode(), null);
            default:
                pos = start;
                throw error("expected a string, a number, true, false, null, a path or a call");
        }
    }

    private Argument string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                return new Literal(Json.NODES.textNode(value.toString()), text.substring(start + 1, pos - 1));
            }
            if (c == '\\') {
                if (pos == text.length() || ESCAPABLE.indexOf(text.charAt(pos)) < 0) {
                    pos--;
                    throw error("only \\' \\{ \\} and \\\\ may be escaped in a string");
                }
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        pos = start;
        throw error("unterminated string");
    }

    /**
     * A path runs to the first ',', ')' or blank outside its brackets; quotes count only inside
     * brackets, where they may hide those characters ({@code $['a, b']}).
     */
    private Argument path() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\') {
                    pos++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '\'' || c == '"') && depth > 0) {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
                break;
            }
        }
        pos = Math.min(pos, text.length());
        try {
            return new PathArgument(JsonPath.compile(text.substring(start, pos)));
        } catch (PathSyntaxException e) {
            throw new IntrinsicSyntaxException(text, start + e.position(), e.getMessage());
        }
    }

    private Argument number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        JsonNode value;
        try {
            value = Json.parse(text.substring(start, pos));
        } catch (JsonProcessingException e) {
            value = null;
        }
        if (value == null || !value.isNumber()) {
            pos = start;
            throw error("malformed number");
        }
        return new Literal(value, null);
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IntrinsicSyntaxException error(String reason) {
        return new IntrinsicSyntaxException(text, pos, reason);
    }
}
