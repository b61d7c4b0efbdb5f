package io.quickstep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.testing.CaseFiles;
import io.quickstep.testing.CaseFormatException;
import io.quickstep.testing.MockAnswer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the files and JSON arguments of the commands, turning every problem into a one-line
 * {@link BadInputException}.
 */
final class CliInputs {
    private CliInputs() {
    }

    static String readText(Path file) throws BadInputException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a folder, expected a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses JSON text; {@code source} names it in the error (a file name or an option). */
    static JsonNode parseJson(String text, String source) throws BadInputException {
        JsonNode value;
        try {
            value = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": " + CaseFiles.describe(e));
        }
        if (value.isMissingNode()) {
            throw new BadInputException(source + ": empty, expected JSON");
        }
        return value;
    }

    /** A file that must hold JSON. */
    static JsonNode readJson(Path file) throws BadInputException {
        return parseJson(readText(file), file.toString());
    }

    /**
     * {@code --input}: JSON text, or {@code @} and the name of a file holding it; returns the text as
     * given, checked to be JSON. Its length, not that of some re-serialised form, is what AWS holds
     * against the 256 KiB input limit.
     */
    static String input(String argument) throws BadInputException {
        if (argument.equals("@")) {
            throw new BadInputException("--input @: no file name after @ (write --input @FILE)");
        }
        boolean file = argument.startsWith("@");
        String text = file ? readText(Path.of(argument.substring(1))) : argument;
        parseJson(text, file ? argument.substring(1) : "--input");
        return text;
    }

    /** A mocks file: a JSON object in the corpus {@code mocks} format, keyed by Task state name. */
    static Map<String, List<MockAnswer>> mocks(Path file) throws BadInputException {
        try {
            return MockAnswer.parseAll(readJson(file));
        } catch (CaseFormatException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }
}
