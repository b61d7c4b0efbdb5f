package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.json.JsonFiles;
import io.quickstep.json.MalformedJsonException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads case files. A file named directly is always read as a case. In a folder, every
 * {@code *.json} file at any depth whose top-level object has an {@code expected} member, or the
 * {@code kind} of an API or logs case, is a case; other JSON files (definitions, inputs, mocks lying
 * beside the cases) are passed over.
 */
public final class CaseFiles {
    /** Case kinds whose files have no {@code expected} member. */
    private static final Set<String> KINDS_WITHOUT_EXPECTED = Set.of("api", "logs");

    private CaseFiles() {
    }

    /** The cases in {@code paths}, folders walked in name order; throws naming the file that is unreadable. */
    public static List<TestCase> load(List<Path> paths) throws IOException {
        Loaded loaded = loadEach(paths);
        if (!loaded.unreadable().isEmpty()) {
            throw new CaseFormatException(loaded.unreadable().get(0));
        }
        return loaded.cases();
    }

    /**
     * The cases that could be read, and one line ({@code FILE: what is wrong}) for each case file
     * that could not (malformed JSON, not in the case format): one bad file does not hide the rest.
     */
    public record Loaded(List<TestCase> cases, List<String> unreadable) {
    }

    /** Reads every case in {@code paths}, going on past files that cannot be read; see {@link Loaded}. */
    public static Loaded loadEach(List<Path> paths) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : Files.isDirectory(path) ? jsonFiles(path) : List.of(path)) {
                try {
                    JsonNode node = read(file);
                    // In a folder only objects with "expected" are cases; a file named directly always is.
                    if (file == path || isCase(node)) {
                        cases.add(parse(file, node));
                    }
                } catch (CaseFormatException e) {
                    unreadable.add(e.getMessage());
                }
            }
        }
        return new Loaded(cases, unreadable);
    }

    private static boolean isCase(JsonNode node) {
        return node.isObject() && (node.has("expected") || KINDS_WITHOUT_EXPECTED.contains(node.path("kind").asText()));
    }

    /** Reads a JSON file; a malformed one throws with the file name, what is wrong, line and column. */
    private static JsonNode read(Path file) throws IOException {
        try {
            return Json.read(JsonFiles.text(file));
        } catch (NoSuchFileException e) {
            throw e; // not a case that fails: no case at all
        } catch (FileSystemException e) {
            throw new CaseFormatException(e.getMessage());
        } catch (MalformedJsonException e) {
            throw new CaseFormatException(file + ": " + e.getMessage());
        }
    }

    private static TestCase parse(Path file, JsonNode node) throws CaseFormatException {
        String name = file.getFileName().toString();
        try {
            return TestCase.parse(node, name.endsWith(".json") ? name.substring(0, name.length() - 5) : name);
        } catch (CaseFormatException e) {
            throw new CaseFormatException(file + ": " + e.getMessage());
        }
    }

    private static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }
}
