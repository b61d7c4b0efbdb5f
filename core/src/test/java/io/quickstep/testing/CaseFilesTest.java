package io.quickstep.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseFilesTest {
    private static final String CASE = "{\"id\": \"%s\", \"definition\": {\"StartAt\": \"P\", \"States\": {}},"
            + " \"expected\": {\"status\": \"SUCCEEDED\"}}";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void shouldFindCasesAtAnyDepthInNameOrderAndPassOverOtherJson() throws IOException {
        write("b/cases/two.json", CASE.formatted("b/two#0"));
        write("a/one.json", CASE.formatted("a/one#0"));
        write("a/one.asl.json", "{\"StartAt\": \"P\", \"States\": {}}");
        write("a/input.json", "[1, 2]");
        write("a/notes.txt", "not JSON");
        List<TestCase> cases = CaseFiles.load(List.of(dir));
        assertEquals(List.of("a/one#0", "b/two#0"), cases.stream().map(TestCase::id).toList());
    }

    @Test
    void shouldReadAFileNamedDirectlyAndNameItAfterTheFileWhenItHasNoId() throws IOException {
        Path file = write("mine.json", "{\"definition\": {\"StartAt\": \"P\", \"States\": {}}, \"expected\": {\"status\": \"SUCCEEDED\"}}");
        assertEquals("mine", CaseFiles.load(List.of(file)).get(0).id());
    }

    @Test
    void shouldNameTheFileAndPlaceOfAProblem() throws IOException {
        Path broken = write("broken.json", "{\n  \"id\": \"x\",,\n}");
        CaseFormatException malformed = assertThrows(CaseFormatException.class, () -> CaseFiles.load(List.of(dir)));
        assertEquals(broken + ": malformed JSON at line 2, column 13: expected a member name in double quotes, found ','",
                malformed.getMessage());

        Path notACase = write("case.json", "{\"expected\": {\"status\": \"SUCCEEDED\"}}");
        CaseFormatException format = assertThrows(CaseFormatException.class, () -> CaseFiles.load(List.of(notACase)));
        assertEquals(notACase + ": expected exactly one of definition (an object) and definition_text (a string)", format.getMessage());

        Path notUtf8 = dir.resolve("latin1.json");
        Files.write(notUtf8, new byte[] {'"', (byte) 0xE9, '"'});
        CaseFormatException encoding = assertThrows(CaseFormatException.class, () -> CaseFiles.load(List.of(notUtf8)));
        assertEquals(notUtf8 + ": not UTF-8 text", encoding.getMessage());

        Path missing = dir.resolve("missing.json");
        NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> CaseFiles.load(List.of(missing)));
        assertEquals(missing + ": no such file", absent.getMessage());
    }
}
