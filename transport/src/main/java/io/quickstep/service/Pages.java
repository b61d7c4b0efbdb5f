package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * AWS's pagination of list operations: {@code maxResults} (0 or absent: the default page of 100;
 * at most 1000) and an opaque {@code nextToken}, which here encodes where the next page starts in
 * the list's order. A token outlives nothing but that order: items deleted between two pages may
 * shift the next page by as many.
 */
final class Pages {
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    static final int MAX_TOKEN_LENGTH = 1024;
    private static final String TOKEN_PREFIX = "quickstep-page:";

    private Pages() {
    }

    /** The page of {@code items} the request asks for, as {@code {listField: [...], nextToken?}}. */
    static <T> ObjectNode page(Request request, List<T> items, String listField, Function<? super T, ? extends JsonNode> render) {
        int size = size(request);
        int from = start(request.optionalString("nextToken"), items.size());
        int to = Math.min(items.size(), from + size);
        ObjectNode answer = Json.NODES.objectNode();
        ArrayNode list = answer.putArray(listField);
        for (T item : items.subList(from, to)) {
            list.add(render.apply(item));
        }
        if (to < items.size()) {
            answer.put("nextToken", token(to));
        }
        return answer;
    }

    private static int size(Request request) {
        int size = request.integer("maxResults", 0);
        if (size > MAX_SIZE) {
            throw AwsErrors.validation(size, "maxResults", "Member must have value less than or equal to " + MAX_SIZE);
        }
        if (size < 0) {
            throw AwsErrors.validation(size, "maxResults", "Member must have value greater than or equal to 0");
        }
        return size == 0 ? DEFAULT_SIZE : size;
    }

    private static int start(String token, int count) {
        if (token == null) {
            return 0;
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw AwsErrors.tooLong(token, "nextToken", MAX_TOKEN_LENGTH);
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int start = text.startsWith(TOKEN_PREFIX) ? Integer.parseInt(text.substring(TOKEN_PREFIX.length())) : -1;
            if (start >= 0) {
                return Math.min(count, start);
            }
        } catch (IllegalArgumentException notOurs) {
            // falls through: not a token this service gave
        }
        throw AwsErrors.invalidToken();
    }

    private static String token(int start) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + start).getBytes(StandardCharsets.UTF_8));
    }
}
