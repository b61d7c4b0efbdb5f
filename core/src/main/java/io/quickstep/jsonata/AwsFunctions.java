package io.quickstep.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.json.MalformedJsonException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random} with an optional seed, {@code $uuid}, {@code $parse}), the one it takes away
 * ({@code $eval}), and JSONata's own where the library departs from it: {@code $now} and
 * {@code $millis} read the clock once per evaluation, {@code $assert} reports the caller's message.
 */
final class AwsFunctions {
    /** Longest array {@code $range} builds, the bound the library puts on its own range operator. */
    private static final int MAX_RANGE = 1_000_000;
    /** Integer arguments stay within the integers a JSONata number (a double) holds exactly, so no arithmetic on them overflows. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    /** Signatures in JSONata's notation; a function object is made per compiled expression, as binding renames it. */
    private static final Map<String, Supplier<JFunction>> LIBRARY = Map.of(
            "partition", () -> new JFunction((input, args) -> partition(args), "<an:a>"),
            "range", () -> new JFunction((input, args) -> range(args), "<nnn:a<n>>"),
            "hash", () -> new JFunction((input, args) -> hash(args), "<ss:s>"),
            "random", () -> new JFunction((input, args) -> random(args), "<n?:n>"),
            "uuid", () -> new JFunction((input, args) -> UUID.randomUUID().toString(), "<:s>"),
            "parse", () -> new JFunction((input, args) -> parse(args), "<s:x>"),
            "assert", () -> new JFunction((input, args) -> assertion(args), "<bs?:x>"));

    private AwsFunctions() {
    }

    /** Installs into a compiled expression the functions among {@code names} (the names its text refers to). */
    static void install(Jsonata expression, Set<String> names) {
        // AWS has no $eval: calling it fails the way calling any non-function does (T1006).
        expression.assign("eval", null);
        LIBRARY.forEach((name, function) -> {
            if (names.contains(name)) {
                expression.registerFunction(name, function.get());
            }
        });
    }

    /**
     * Binds {@code $now} and {@code $millis} for one evaluation. The library's own read a timestamp
     * kept per thread that only its first evaluation there sets, so they would report a stale time.
     */
    static void bindClock(Jsonata.Frame frame, long millis) {
        frame.bind("millis", new JFunction((input, args) -> millis, null));
        frame.bind("now", new JFunction((input, args) ->
                Functions.dateTimeFromMillis(millis, text(args, 0, "now"), text(args, 1, "now")), null));
    }

    private static Object partition(List<?> args) {
        List<?> array = (List<?>) args.get(0);
        Number size = (Number) args.get(1);
        if (array == null || size == null) {
            return null;
        }
        long chunk = positive(size, 2, "partition");
        List<Object> chunks = new ArrayList<>();
        for (long start = 0; start < array.size(); start += chunk) {
            chunks.add(new ArrayList<>(array.subList((int) start, (int) Math.min(array.size(), start + chunk))));
        }
        return chunks;
    }

    /** A sequence, not an array, as on AWS: a range of one number is that number. */
    private static Object range(List<?> args) {
        if (args.contains(null)) {
            return null;
        }
        long start = whole((Number) args.get(0), 1, "range");
        long end = whole((Number) args.get(1), 2, "range");
        long step = whole((Number) args.get(2), 3, "range");
        if (step == 0) {
            throw new IllegalArgumentException("Argument 3 of function \"range\" must not be zero");
        }
        long count = (step > 0 ? end >= start : end <= start) ? (end - start) / step + 1 : 0;
        if (count > MAX_RANGE) {
            throw new IllegalArgumentException("Function \"range\" would produce " + count
                    + " numbers, more than the " + MAX_RANGE + " allowed");
        }
        List<Object> numbers = Utils.createSequence();
        for (long i = 0; i < count; i++) {
            numbers.add(Utils.convertNumber(start + i * step));
        }
        return numbers;
    }

    private static Object hash(List<?> args) throws NoSuchAlgorithmException {
        String value = (String) args.get(0);
        String algorithm = (String) args.get(1);
        if (value == null || algorithm == null) {
            return null;
        }
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("Argument 2 of function \"hash\" must be one of MD5, SHA-1, SHA-256, "
                    + "SHA-384, SHA-512, but was \"" + algorithm + "\"");
        }
        byte[] digest = MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** Seeded, it is {@link Random}'s first double for the seed, as AWS gives it. */
    private static Object random(List<?> args) {
        Number seed = (Number) args.get(0);
        return seed == null ? ThreadLocalRandom.current().nextDouble() : new Random(seed.longValue()).nextDouble();
    }

    private static Object parse(List<?> args) {
        String text = (String) args.get(0);
        if (text == null) {
            return null;
        }
        JsonNode value;
        try {
            value = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw notJson(MalformedJsonException.of(e).getMessage());
        }
        if (value.isMissingNode()) {
            throw notJson("no value in \"" + text + "\"");
        }
        return JsonataValues.toJsonata(value);
    }

    private static Object assertion(List<?> args) {
        if (!Boolean.TRUE.equals(args.get(0))) {
            Object message = args.get(1);
            throw new JException("D3141", -1, message == null ? "$assert() statement failed" : message);
        }
        return null;
    }

    private static IllegalArgumentException notJson(String reason) {
        return new IllegalArgumentException("Argument 1 of function \"parse\" is not JSON text: " + reason);
    }

    private static long positive(Number value, int argument, String function) {
        long whole = whole(value, argument, function);
        if (whole <= 0) {
            throw new IllegalArgumentException("Argument " + argument + " of function \"" + function
                    + "\" must be a positive integer");
        }
        return whole;
    }

    private static long whole(Number value, int argument, String function) {
        double number = value.doubleValue();
        if (number != Math.rint(number) || Math.abs(number) > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("Argument " + argument + " of function \"" + function
                    + "\" must be an integer between -" + MAX_SAFE_INTEGER + " and " + MAX_SAFE_INTEGER);
        }
        return (long) number;
    }

    /** An optional string argument of a function bound without a signature, checked as a signature would. */
    private static String text(List<?> args, int index, String function) {
        Object value = index < args.size() ? args.get(index) : null;
        if (value != null && !(value instanceof String)) {
            throw new JException("T0410", -1, index + 1, function);
        }
        return (String) value;
    }
}
