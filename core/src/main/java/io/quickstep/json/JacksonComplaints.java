package io.quickstep.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.ContentReference;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's messages about JSON text, said in the words of the text (for
 * {@link MalformedJsonException}): no feature names, no character codes, no parser locations. A
 * message this table does not know becomes "the text is not JSON here", never Jackson's words.
 */
final class JacksonComplaints {
    /** A location inside a Jackson message, as in {@code (start marker at [Source: ...; line: 1, column: 7])}. */
    private static final String MARKER = ".*?line: (\\d+), column: (\\d+)";
    /** A character as Jackson quotes it: {@code ('}' (code 125))}. */
    private static final String CHARACTER = "\\('.+?' \\(code (\\d+)\\)\\)";
    private static final String TRAILING = "more text after the JSON value (a JSON text is one value)";
    private static final Pattern NON_STANDARD = Pattern.compile("^Non-standard token '([^']*)'");

    /** One kind of message: its pattern, and its words given the match and the container the parser was in (or null). */
    private record Rule(Pattern pattern, BiFunction<Matcher, JsonStreamContext, String> words) {
    }

    private static final List<Rule> RULES = List.of(
            rule("^Unexpected end-of-input.*(closing quote|VALUE_STRING)",
                    (m, context) -> "unexpected end of input (a string is not closed)"),
            rule("^Unexpected end-of-input in field name",
                    (m, context) -> "unexpected end of input (a member name is not closed)"),
            rule("^Unexpected end-of-input", (m, context) -> "unexpected end of input" + notClosed(context)),
            rule(NON_STANDARD.pattern(), (m, context) -> "'" + m.group(1) + "' is not a JSON number"),
            rule("^Unrecognized token '([^']*)'",
                    (m, context) -> "'" + m.group(1) + "' is not a JSON value (strings are written in double quotes)"),
            rule("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)",
                    (m, context) -> "control character " + shown(m.group(1)) + " in a string: write it escaped, as "
                            + escaped(Integer.parseInt(m.group(1)))),
            rule("^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)",
                    (m, context) -> "control character " + shown(m.group(1))
                            + " between values, where only spaces, tabs and line breaks may be"),
            rule("^Unexpected character " + CHARACTER + " in numeric value: (.*)",
                    (m, context) -> "malformed number: " + number(m.group(2), m.group(1))),
            rule("^Unexpected character " + CHARACTER + ":? ?(.*)",
                    (m, context) -> unexpected(Integer.parseInt(m.group(1)), m.group(2), context != null && context.inArray())),
            rule("^Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at" + MARKER,
                    (m, context) -> "'" + m.group(1) + "' does not close the " + lower(m.group(3)) + " opened at line "
                            + m.group(4) + ", column " + m.group(5) + " (expected '" + m.group(2) + "')"),
            rule("^Unexpected close marker '(.)': no open", (m, context) -> "'" + m.group(1) + "' closes nothing"),
            rule("^Unrecognized character escape '(.)'", (m, context) -> "'\\" + m.group(1) + "' is not a JSON escape"),
            rule("^Invalid numeric value: Leading zeroes", (m, context) -> "malformed number: leading zeroes are not allowed"),
            rule("^Invalid numeric value", (m, context) -> "malformed number"),
            rule("^Trailing token", (m, context) -> TRAILING),
            rule("^Invalid UTF-8", (m, context) -> "the text is not UTF-8"));

    private static final Pattern DEPTH = Pattern.compile("^Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern LENGTH = Pattern.compile("^(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private JacksonComplaints() {
    }

    /** What is wrong with the text, for a parser's complaint about its syntax. */
    static String problem(JsonProcessingException e, String message) {
        JsonStreamContext context = e.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
        for (Rule rule : RULES) {
            Matcher match = rule.pattern().matcher(message);
            if (match.find()) {
                return rule.words().apply(match, context);
            }
        }
        return "the text is not JSON here";
    }

    /**
     * How far past the start of the offending token Jackson's location lies: it locates a
     * non-standard token such as {@code NaN} just after it, where every other token is located at its start.
     */
    static int columnsPastStart(String message) {
        Matcher token = NON_STANDARD.matcher(message);
        return token.find() ? token.group(1).length() : 0;
    }

    /** The headline for well-formed text beyond one of the parser's limits. */
    static String limit(String message) {
        Matcher depth = DEPTH.matcher(message);
        if (depth.find()) {
            return "JSON nested deeper than " + depth.group(2) + " levels";
        }
        Matcher length = LENGTH.matcher(message);
        if (length.find()) {
            return switch (length.group(1)) {
                case "String value" -> "JSON with a string longer than " + length.group(3) + " characters";
                case "Number value" -> "JSON with a number longer than " + length.group(3) + " digits";
                default -> "JSON with a member name longer than " + length.group(3) + " characters";
            };
        }
        return "JSON larger than this reader takes";
    }

    /** Which object or array the end of the text left open: {@code  (the object opened at line 1, column 7 is not closed)}. */
    private static String notClosed(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        JsonLocation start = context.startLocation(ContentReference.unknown());
        return " (the " + (context.inArray() ? "array" : "object") + " opened at line " + start.getLineNr() + ", column "
                + start.getColumnNr() + " is not closed)";
    }

    private static String unexpected(int code, String comment, boolean inArray) {
        String found = shown(Integer.toString(code));
        if (code == '\'') {
            return "single quotes are not JSON: write strings and member names in double quotes";
        } else if (comment.contains("double-quote to start field name")) {
            return code == '}' ? "a trailing comma before '}'" : "expected a member name in double quotes, found " + found;
        } else if (comment.contains("expected a valid value") || comment.contains("expected a value")) {
            return code == ']' && inArray ? "a trailing comma before ']'" : "expected a value, found " + found;
        } else if (comment.contains("separate Array entries")) {
            return "expected ',' or ']' after an array element, found " + found;
        } else if (comment.contains("separate Object entries")) {
            return "expected ',' or '}' after a member, found " + found;
        } else if (comment.contains("colon to separate")) {
            return "expected ':' after a member name, found " + found;
        } else if (comment.contains("comment")) {
            return "comments are not JSON";
        } else if (comment.contains("hex-digit")) {
            return "expected four hex digits after \\u, found " + found;
        } else if (comment.contains("root-level values")) {
            return TRAILING;
        }
        return "unexpected " + found;
    }

    private static String number(String what, String code) {
        if (what.contains("Decimal point")) {
            return "a decimal point must be followed by a digit";
        } else if (what.contains("Exponent")) {
            return "an exponent must have digits";
        } else if (what.contains("minus sign")) {
            return "a minus sign must be followed by a digit";
        } else if (what.contains("plus sign")) {
            return "a number cannot start with '+'";
        }
        return "unexpected " + shown(code);
    }

    /** A character by its code: printable ones quoted, the others as {@code U+000A}. */
    private static String shown(String code) {
        int c = Integer.parseInt(code);
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", c) : "'" + Character.toString(c) + "'";
    }

    private static String escaped(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04X", c);
        };
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    private static Rule rule(String pattern, BiFunction<Matcher, JsonStreamContext, String> words) {
        return new Rule(Pattern.compile(pattern), words);
    }
}
