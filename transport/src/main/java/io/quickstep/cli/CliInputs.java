package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.json.JsonFiles;
import io.quickstep.json.MalformedJsonException;
import io.quickstep.testing.CaseFormatException;
import io.quickstep.testing.MockAnswer;
import io.quickstep.testing.Mocks;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Reads the files and JSON arguments of the commands, turning every problem into a one-line
 * {@link BadInputException}.
 */
final class CliInputs {
    private CliInputs() {
    }

    static String readText(Path file) throws BadInputException {
        try {
            return JsonFiles.text(file);
        } catch (FileSystemException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** Parses JSON text; {@code source} names it in the error (a file name or an option). */
    static JsonNode parseJson(String text, String source) throws BadInputException {
        try {
            return Json.read(text);
        } catch (MalformedJsonException e) {
            throw new BadInputException(source + ": " + e.getMessage());
        }
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

    /**
     * A mocks file: a JSON object in the corpus {@code mocks} format, keyed by the names of Task
     * states of {@code definition}.
     */
    static Mocks mocks(Path file, JsonNode definition) throws BadInputException {
        Mocks mocks;
        try {
            mocks = new Mocks(MockAnswer.parseAll(readJson(file)));
        } catch (CaseFormatException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        String misnamed = mocks.misnamed(definition);
        if (misnamed != null) {
            throw new BadInputException(file + ": " + misnamed);
        }
        return mocks;
    }
}
