package io.quickstep.jsonata;

/**
 * A JSONata expression that does not parse. {@link #description()} is JSONata's own sentence
 * (e.g. "Unexpected end of expression"), {@link #code()} its error code (e.g. {@code S0207}).
 */
public final class JsonataSyntaxException extends IllegalArgumentException {
    private final String expression;
    private final String code;
    private final String description;
    private final int position;
    private final String pointer;

    JsonataSyntaxException(String expression, String code, String description, int position, String pointer) {
        super("Invalid JSONata expression '" + expression + "': " + code + ": " + description
                + (position >= 0 ? " (at character " + position + ")" : "")
                + (pointer.isEmpty() ? "" : " at " + pointer));
        this.expression = expression;
        this.code = code;
        this.description = description;
        this.position = position;
        this.pointer = pointer;
    }

    /** The same error, found at {@code prefix} + this pointer inside an enclosing template. */
    JsonataSyntaxException within(String prefix) {
        return new JsonataSyntaxException(expression, code, description, position, prefix + pointer);
    }

    /** The expression text, without the {@code {% %}} delimiters. */
    public String expression() {
        return expression;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The character offset in the expression where parsing failed, or -1 when unknown. */
    public int position() {
        return position;
    }

    /** Where in a template the expression sits, as a JSON pointer ("" for the template itself). */
    public String pointer() {
        return pointer;
    }
}
