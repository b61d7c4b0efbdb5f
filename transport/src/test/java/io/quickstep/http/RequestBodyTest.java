package io.quickstep.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.quickstep.json.Json;
import io.quickstep.service.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request body read member by member is the tree Jackson's databind reads, and bad bodies are refused alike. */
class RequestBodyTest {
    private static ByteBuf heap(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The same text in a direct buffer, and in the middle of a larger heap array (a slice). */
    private static ByteBuf[] buffers(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf direct = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        ByteBuf padded = Unpooled.buffer(bytes.length + 20).writeZero(7).writeBytes(bytes).writeZero(13);
        return new ByteBuf[] {heap(text), direct, padded.slice(7, bytes.length)};
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:pass\",\"input\":\"{\\\"a\\\":1}\"}",
        "{\"name\":\"m\",\"definition\":\"{}\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}],\"publish\":true,"
            + "\"maxResults\":10,\"ratio\":0.1,\"nothing\":null,\"nested\":{\"deep\":[1,[2,{\"x\":1.50}]]}}",
        "{\"twice\":\"first\",\"twice\":\"second\"}",
        "  {\"spaced\" : \"out\" }\n",
        "{\"unicode\":\"caf\\u00e9 \u00e9\"}"})
    void readsTheTreeJacksonReads(String text) throws Exception {
        for (ByteBuf body : buffers(text)) {
            assertEquals(Json.parse(text), RequestBody.parse(body), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyBodyIsAnEmptyObject(String text) throws Exception {
        assertEquals(Json.NODES.objectNode(), RequestBody.parse(heap(text)));
    }

    @Test
    void aBodyThatIsNotAnObjectSaysWhatItIs() {
        AwsException error = assertThrows(AwsException.class, () -> RequestBody.parse(heap("[1, 2]")));
        assertEquals("SerializationException", error.type());
        assertTrue(error.getMessage().contains("found array"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": ", "{\"a\": \"b\"", "[1, 2", "{\"a\": tru}", "{} {}", "{\"a\":\"b\"} x", "{\"a\": [1,}"})
    void malformedBodiesAreSerializationErrors(String text) {
        for (ByteBuf body : buffers(text)) {
            AwsException error = assertThrows(AwsException.class, () -> RequestBody.parse(body), text);
            assertEquals("SerializationException", error.type(), text);
        }
    }
}
