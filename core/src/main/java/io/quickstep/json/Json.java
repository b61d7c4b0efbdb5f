package io.quickstep.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place JSON is read and written. Values are Jackson trees that are never mutated once
 * built: code that changes a value copies the containers along the changed path and shares the rest.
 */
public final class Json {
    /** Documents nested deeper than this are refused when parsed, so no input can exhaust the stack. */
    public static final int MAX_NESTING_DEPTH = 512;

    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
    }

    private Json() {
    }

    /** One member name as a JSON Pointer segment (RFC 6901): {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
    public static String pointerSegment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Parses JSON text; throws {@link JsonProcessingException} with Jackson's location on bad input
     * ({@link MalformedJsonException#of} says it in the text's terms). Text without a value gives a
     * missing node.
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try {
            return MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw located(e, () -> MAPPER.createParser(text));
        }
    }

    /** Parses JSON text in UTF-8 (or UTF-16 or UTF-32); see {@link #parse(String)}. */
    public static JsonNode parse(byte[] bytes) throws IOException {
        try {
            return MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw located(e, () -> MAPPER.createParser(bytes));
        }
    }

    /**
     * Parses JSON text a person wrote (a file, a command-line argument) into one value: text with no
     * value is refused too, and the exception says what is wrong and where, in the text's terms.
     */
    public static JsonNode read(String text) throws MalformedJsonException {
        JsonNode value;
        try {
            value = parse(text);
        } catch (JsonProcessingException e) {
            throw MalformedJsonException.of(e);
        }
        if (value.isMissingNode()) {
            throw MalformedJsonException.empty(text);
        }
        return value;
    }

    /** A way to read the same text again. */
    private interface Reparse {
        JsonParser parser() throws IOException;
    }

    /**
     * Jackson reports a limit passed (nesting depth, a string's length) without saying where: read
     * the text again, token by token, to the token that passes it.
     */
    private static StreamConstraintsException located(StreamConstraintsException e, Reparse again) {
        if (e.getLocation() != null) {
            return e;
        }
        try (JsonParser parser = again.parser()) {
            try {
                while (parser.nextToken() != null) {
                    parser.getText(); // a string's length is checked when its text is made
                }
            } catch (StreamConstraintsException same) {
                return new StreamConstraintsException(e.getOriginalMessage(), parser.currentTokenLocation());
            }
        } catch (IOException other) {
            // The first reading met the limit before any other problem; this one cannot do otherwise.
        }
        return e;
    }

    /** Compact JSON text, as AWS writes values into outputs and error causes. */
    public static String write(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] writeBytes(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
