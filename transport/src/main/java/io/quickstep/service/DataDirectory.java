package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where state machines and activities are kept between runs: one JSON file per resource, under
 * {@code state-machines/} and {@code activities/}, each written whole to a temporary file and moved
 * over the old one atomically, so that a crash leaves either the old or the new file.
 */
final class DataDirectory {
    static final String STATE_MACHINES = "state-machines";
    static final String ACTIVITIES = "activities";
    private static final String TEMPORARY = "#tmp-"; // "#" is in no name, so no resource file starts so

    private final Path root;

    DataDirectory(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve(STATE_MACHINES));
            Files.createDirectories(root.resolve(ACTIVITIES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root, e);
        }
    }

    void save(String kind, String name, JsonNode resource) {
        Path file = file(kind, name);
        try {
            Path temporary = Files.createTempFile(file.getParent(), TEMPORARY, ".json");
            Files.write(temporary, Json.writeBytes(resource));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }

    void delete(String kind, String name) {
        try {
            Files.deleteIfExists(file(kind, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(kind, name), e);
        }
    }

    /** Every resource of a kind; temporary files a crash left behind are removed. */
    List<JsonNode> load(String kind) {
        List<JsonNode> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(kind))) {
            for (Path file : files.sorted().toList()) {
                if (file.getFileName().toString().startsWith(TEMPORARY)) {
                    Files.deleteIfExists(file);
                } else if (file.toString().endsWith(".json")) {
                    resources.add(Json.parse(Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data directory " + root.resolve(kind), e);
        }
        return resources;
    }

    /** Names cannot hold a slash, so each is a file name as it is. */
    private Path file(String kind, String name) {
        return root.resolve(kind).resolve(name + ".json");
    }
}
