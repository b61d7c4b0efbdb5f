package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quickstep.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;

/** States.Base64Encode, Base64Decode, Hash, StringSplit and UUID. */
final class StringFunctions {
    /** AWS's cap on the characters States.Base64Encode, States.Base64Decode and States.Hash accept. */
    static final int MAX_INPUT_LENGTH = 10_000;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private StringFunctions() {
    }

    static JsonNode base64Encode(String name, JsonNode[] args) {
        String text = Args.limited(Args.string(args[0], name), name);
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode base64Decode(String name, JsonNode[] args) {
        String text = Args.limited(Args.string(args[0], name), name);
        return Json.NODES.textNode(new String(LenientBase64.decode(text), StandardCharsets.UTF_8));
    }

    /**
     * The hex digest of the data's UTF-8 bytes. The algorithm must be named exactly as AWS lists
     * it; data that is not a string is hashed as States.Format would print it.
     */
    static JsonNode hash(String name, JsonNode[] args) {
        String data = Args.limited(Text.render(args[0]), name);
        String algorithm = Args.string(args[1], name);
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw IntrinsicError.invalidArguments(name);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JRE lacks " + algorithm, e);
        }
    }

    /**
     * The pieces between occurrences of any of the delimiter's characters, empty pieces dropped:
     * {@code ", , ,"} split on {@code ","} is {@code [" ", " "]}.
     */
    static JsonNode split(String name, JsonNode[] args) {
        StringTokenizer tokens = new StringTokenizer(Args.string(args[0], name), Args.string(args[1], name));
        ArrayNode result = Json.NODES.arrayNode(tokens.countTokens());
        while (tokens.hasMoreTokens()) {
            result.add(tokens.nextToken());
        }
        return result;
    }

    static JsonNode uuid(String name, JsonNode[] args) {
        return Json.NODES.textNode(UUID.randomUUID().toString());
    }
}
