package io.quickstep.jmh.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.json.JsonSize;

/**
 * What the server needs of a StartSyncExecution request, whichever codec read it.
 *
 * @param inputText the {@code input} member as sent (AWS JSON 1.0 carries it as a JSON string
 *                  holding JSON text), kept because the answer repeats it
 * @param input     that text parsed with the engine's settings ({@link Json#MAPPER}: exact decimals)
 * @param inputBytes its UTF-8 length, which AWS's 256 KiB input limit counts
 */
public record StartSyncRequest(String stateMachineArn, String name, String inputText, JsonNode input,
                               int inputBytes, String traceHeader) {
    /** AWS starts an execution given no input with an empty object. */
    private static final String NO_INPUT = "{}";

    /** The request from its members' values, as a codec read them: parses the input text. */
    public static StartSyncRequest of(String stateMachineArn, String name, String inputText, String traceHeader)
            throws JsonProcessingException {
        String text = inputText == null ? NO_INPUT : inputText;
        return new StartSyncRequest(stateMachineArn, name, text, Json.parse(text), (int) JsonSize.utf8Length(text), traceHeader);
    }
}
