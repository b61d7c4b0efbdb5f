package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.testing.CaseFormatException;
import io.quickstep.testing.MockAnswer;
import io.quickstep.testing.Mocks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code serve --definitions DIR}: every {@code *.asl.json} under DIR, at any depth, named after
 * its file ({@code order.asl.json} is {@code order}), with the answers of {@code NAME.mocks.json}
 * beside it when there is one. Mocks are used up in order, so each execution gets fresh ones.
 */
final class ServedDefinitions {
    private static final String SUFFIX = ".asl.json";

    /** One definition file, read. */
    record Served(Path file, String name, String text, Map<String, List<MockAnswer>> mocks) {
        /** Fresh mocks for one execution, or null when the definition has none. */
        Mocks freshMocks() {
            return mocks == null ? null : new Mocks(mocks);
        }
    }

    private ServedDefinitions() {
    }

    static List<Served> read(Path dir) throws BadInputException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--definitions " + dir + ": not a folder");
        }
        List<Served> served = new ArrayList<>();
        for (Path file : definitionFiles(dir)) {
            String text = CliInputs.readText(file);
            JsonNode tree = CliInputs.parseJson(text, file.toString());
            String base = file.getFileName().toString();
            Path mocksFile = file.resolveSibling(base.substring(0, base.length() - SUFFIX.length()) + ".mocks.json");
            served.add(new Served(file, Definitions.machineName(file), text,
                    Files.exists(mocksFile) ? answers(mocksFile, tree) : null));
        }
        return served;
    }

    /** A mocks file, checked to name only Task states of the definition ({@code tree}) when there is one. */
    static Map<String, List<MockAnswer>> answers(Path file, JsonNode tree) throws BadInputException {
        Map<String, List<MockAnswer>> answers;
        try {
            answers = MockAnswer.parseAll(CliInputs.readJson(file));
        } catch (CaseFormatException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        String misnamed = tree == null ? null : new Mocks(answers).misnamed(tree);
        if (misnamed != null) {
            throw new BadInputException(file + ": " + misnamed);
        }
        return answers;
    }

    private static List<Path> definitionFiles(Path dir) throws BadInputException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("--definitions " + dir + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
