package io.quickstep.compiler;

import io.quickstep.api.StateMachine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Golden-file tests of the compiler through the {@link Disassembler}: each
 * {@code src/test/resources/golden/NAME.asl.json} is compiled with {@link StateMachine#create} and
 * its listing compared with {@code NAME.listing} beside it.
 *
 * <p>After a deliberate change to the compiler or the listing, rewrite the golden files instead of
 * comparing with
 * {@code mvn -o -pl core test -Dtest=DisassemblerGoldenTest -D}{@value #UPDATE_PROPERTY}{@code =true},
 * then read the diff of every {@code .listing} before accepting it: each GOTO, Choice and Catch
 * target must be the ENTER of the state the definition names.
 */
class DisassemblerGoldenTest {
    static final String UPDATE_PROPERTY = "golden.update";
    /** Surefire runs in the module's folder: the sources, not the copies on the class path, are golden. */
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final String DEFINITION = ".asl.json";

    @TestFactory
    Stream<DynamicTest> everyDefinition() throws IOException {
        List<Path> definitions;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            definitions = files.filter(file -> file.getFileName().toString().endsWith(DEFINITION)).sorted().toList();
        }
        assertFalse(definitions.isEmpty(), "no definitions in " + GOLDEN.toAbsolutePath());
        return definitions.stream().map(definition -> dynamicTest(name(definition), () -> check(definition)));
    }

    private static void check(Path definition) throws Exception {
        String name = name(definition);
        String listing = StateMachine.disassemble(Files.readString(definition), "EXPRESS");
        assertFalse(listing.contains("not an ENTER"), listing);
        Path golden = GOLDEN.resolve(name + ".listing");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(golden, listing);
            return;
        }
        assertTrue(Files.exists(golden), golden + " is missing: run with -D" + UPDATE_PROPERTY + "=true to write it");
        assertEquals(Files.readString(golden), listing, "the listing of " + definition);
    }

    private static String name(Path definition) {
        String file = definition.getFileName().toString();
        return file.substring(0, file.length() - DEFINITION.length());
    }
}
