package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Argument checks and conversions shared by the functions. Every rejection is AWS's
 * "Invalid arguments in States.X". How a fractional number becomes an integer differs by function
 * on AWS: States.MathAdd rounds ({@link #rounded}), the array functions and States.MathRandom
 * truncate ({@link #truncated}).
 */
final class Args {
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Args() {
    }

    static ArrayNode array(JsonNode value, String function) {
        if (!value.isArray()) {
            throw IntrinsicError.invalidArguments(function);
        }
        return (ArrayNode) value;
    }

    static ObjectNode object(JsonNode value, String function) {
        if (!value.isObject()) {
            throw IntrinsicError.invalidArguments(function);
        }
        return (ObjectNode) value;
    }

    static String string(JsonNode value, String function) {
        if (!value.isTextual()) {
            throw IntrinsicError.invalidArguments(function);
        }
        return value.textValue();
    }

    /** A number cut towards zero to an int: 2.6 is 2, -0.6 is 0. */
    static int truncated(JsonNode value, String function) {
        return (int) whole(number(value, function), RoundingMode.DOWN, INT_MIN, INT_MAX, function);
    }

    /** A number cut towards zero to a long, for seeds. */
    static long truncatedLong(JsonNode value, String function) {
        return whole(number(value, function), RoundingMode.DOWN, LONG_MIN, LONG_MAX, function);
    }

    /** A number rounded half up, as Java's Math.round: 1.5 is 2, -1.5 is -1, -0.5 is 0. */
    static int rounded(JsonNode value, String function) {
        return (int) whole(number(value, function).add(HALF), RoundingMode.FLOOR, INT_MIN, INT_MAX, function);
    }

    private static BigDecimal number(JsonNode value, String function) {
        if (!value.isNumber()) {
            throw IntrinsicError.invalidArguments(function);
        }
        return value.decimalValue();
    }

    private static long whole(BigDecimal value, RoundingMode mode, BigDecimal min, BigDecimal max, String function) {
        BigDecimal whole = value.setScale(0, mode);
        if (whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
            throw IntrinsicError.invalidArguments(function);
        }
        return whole.longValueExact();
    }

    /** AWS caps the text States.Base64Encode, States.Base64Decode and States.Hash accept. */
    static String limited(String text, String function) {
        if (text.length() > StringFunctions.MAX_INPUT_LENGTH) {
            throw IntrinsicError.invalidArguments(function);
        }
        return text;
    }
}
