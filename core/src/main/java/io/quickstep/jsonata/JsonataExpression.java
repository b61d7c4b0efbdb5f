package io.quickstep.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;

import java.util.Set;

/**
 * A JSONata expression (the text between {@code {%} and {@code %}}), parsed once when the definition
 * is compiled and then evaluated any number of times, by any number of threads at once.
 *
 * <p>It runs on the dashjoin JSONata library. Each evaluation binds {@code $states} and the workflow
 * variables the text refers to into a frame of its own, as lazy views (see {@link JsonataValues}),
 * so binding costs the same whatever the size of the values. Three things about the library shape
 * this class:
 * <ul>
 * <li>The library turns a JSON null result into Java null, which it also uses for "nothing". The
 * text is therefore compiled as the argument of a function that hands back whatever it receives,
 * which also spares the walk the library makes over every result.
 * <li>Its parser leaves the instance it builds as the calling thread's scratch instance for all
 * evaluations on that thread, whatever expression they evaluate; an evaluation overwrites the
 * scratch instance's environment. A compiled expression that is shared must not stay in that role,
 * or another thread evaluating it could see variables bound by this thread's evaluations.
 * {@link #compile} hands the role to an instance nobody else uses.
 * <li>Nothing stops an expression that loops (a tail-recursive function), so an evaluation has a
 * time limit; and one that nests too deeply fails rather than killing the thread.
 * </ul>
 */
public final class JsonataExpression {
    /** Longest an evaluation may run (the library's own default bound). */
    private static final long TIMEOUT_MILLIS = 5_000;
    private static final String RESULT = "__quickstepResult";
    /** The function the text is the argument of: it hands the value over untouched. */
    private static final JFunction CAPTURE = new JFunction((input, args) -> new Result(args.get(0)), null);
    private static final Set<String> CLOCK = Set.of("now", "millis");

    private final String text;
    private final Jsonata compiled;
    private final boolean readsStates;
    private final boolean readsContext;
    private final boolean readsClock;
    /** Names that may be workflow variables: every referenced name but {@code $states}. */
    private final String[] variables;

    private JsonataExpression(String text, Jsonata compiled, ReferencedNames references) {
        Set<String> names = references.names();
        this.text = text;
        this.compiled = compiled;
        this.readsStates = names.contains(ReferencedNames.STATES);
        this.readsContext = references.readsContext();
        this.readsClock = names.stream().anyMatch(CLOCK::contains);
        this.variables = names.stream().filter(name -> !name.equals(ReferencedNames.STATES)).sorted()
                .toArray(String[]::new);
    }

    /** Parses {@code text}; throws {@link JsonataSyntaxException} when it is not a JSONata expression. */
    public static JsonataExpression compile(String text) {
        // A newline ends the text: the library's tokenizer reads past a text that ends in a comment.
        parse(text + "\n", text);
        Jsonata compiled = parse("$" + RESULT + "(" + text + "\n)", text);
        compiled.registerFunction(RESULT, CAPTURE);
        ReferencedNames references = ReferencedNames.in(text);
        AwsFunctions.install(compiled, references.names());
        // Hand the thread's scratch role (see the class comment) to a throwaway instance.
        Jsonata.jsonata("null");
        return new JsonataExpression(text, compiled, references);
    }

    /** Whether the expression may read the context object ({@code $states.context}); see {@link ReferencedNames}. */
    public boolean readsContext() {
        return readsContext;
    }

    /** The expression text, as AWS quotes it in error causes. */
    public String text() {
        return text;
    }

    /**
     * The value of the expression, or null when it is undefined (JSONata's "nothing"). Throws
     * {@link ExecutionFailure} {@code States.QueryEvaluationError} when the evaluation fails or its
     * value is no JSON value (a function); {@code field} names the state field for the cause.
     */
    public JsonNode evaluate(JsonataScope scope, String field) {
        return evaluate(scope, field, "");
    }

    /** As {@link #evaluate(JsonataScope, String)}, for an expression at {@code place} inside the field (see {@link JsonataTemplate}). */
    JsonNode evaluate(JsonataScope scope, String field, String place) {
        Jsonata.Frame frame = compiled.createFrame();
        if (readsClock) {
            AwsFunctions.bindClock(frame, System.currentTimeMillis());
        }
        if (readsStates) {
            frame.bind("states", JsonataValues.toJsonata(scope.states()));
        }
        for (String name : variables) {
            JsonNode value = scope.variable(name);
            if (value != null) {
                frame.bind(name, JsonataValues.toJsonata(value));
            }
        }
        // Time only: the library's depth count drifts (an array constructor leaves its frame marked so
        // that exits are not counted), so a depth bound would refuse sound expressions.
        frame.setRuntimeBounds(TIMEOUT_MILLIS, Integer.MAX_VALUE);
        Object value;
        try {
            value = ((Result) compiled.evaluate(null, frame)).value();
        } catch (RuntimeException | StackOverflowError e) {
            throw JsonataErrors.evaluationFailed(text, field + place, e);
        }
        if (value == null) {
            return null;
        }
        try {
            return JsonataValues.toJson(value);
        } catch (JsonataValues.UnsupportedResultException e) {
            throw JsonataErrors.unsupportedResult(text, field + place);
        }
    }

    @Override
    public String toString() {
        return "{% " + text + " %}";
    }

    private static Jsonata parse(String source, String text) {
        try {
            return Jsonata.jsonata(source);
        } catch (JException e) {
            throw new JsonataSyntaxException(text, e.getError(), JsonataErrors.message(e), e.getLocation(), "");
        } catch (StringIndexOutOfBoundsException e) {
            // Once the text ends in a newline, the tokenizer only runs off its end looking for "*/".
            throw new JsonataSyntaxException(text, "S0106", "Comment has no closing tag", -1, "");
        }
    }

    /** What the expression evaluated to, carried past the library's treatment of results. */
    private record Result(Object value) {
    }
}
