package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** States.MathRandom and States.MathAdd, on Java ints as AWS computes them. */
final class MathFunctions {

    private MathFunctions() {
    }

    /**
     * A random int in [start, end), both truncated. With a seed the draw is that of
     * {@code new java.util.Random(seed)}, which reproduces AWS's seeded results (seed 42 over
     * [-5, 5) gives -5).
     */
    static JsonNode random(String name, JsonNode[] args) {
        int start = Args.truncated(args[0], name);
        int end = Args.truncated(args[1], name);
        if (start >= end) {
            throw IntrinsicError.invalidArguments(name);
        }
        long span = (long) end - start;
        long offset;
        if (args.length < 3) {
            offset = ThreadLocalRandom.current().nextLong(span);
        } else {
            Random seeded = new Random(Args.truncatedLong(args[2], name));
            offset = span <= Integer.MAX_VALUE ? seeded.nextInt((int) span) : seeded.nextLong(span);
        }
        return Json.NODES.numberNode((int) (start + offset));
    }

    /** The sum of the two arguments, each rounded half up first; it must fit an int. */
    static JsonNode add(String name, JsonNode[] args) {
        long sum = (long) Args.rounded(args[0], name) + Args.rounded(args[1], name);
        if (sum != (int) sum) {
            throw IntrinsicError.invalidArguments(name);
        }
        return Json.NODES.numberNode((int) sum);
    }
}
