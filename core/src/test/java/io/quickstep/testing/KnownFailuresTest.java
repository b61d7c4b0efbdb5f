package io.quickstep.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KnownFailuresTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("known-failures.txt"), text);
    }

    @Test
    void shouldReadIdsContainingHashesAndTheirReasons() throws IOException {
        KnownFailures known = KnownFailures.load(write("# a comment\n\nbase/test_x[$.a[*]]#0  # JSONata/variables: issue 4\n"
                + "  scenarios/y#1 #short\n"));
        assertEquals(Set.of("base/test_x[$.a[*]]#0", "scenarios/y#1"), known.ids());
        assertEquals("JSONata/variables: issue 4", known.reason("base/test_x[$.a[*]]#0"));
        assertEquals("short", known.reason("scenarios/y#1"));
        assertNull(known.reason("base/test_x[$.a[*]]"));
    }

    @Test
    void shouldRequireAReasonAndListEachCaseOnce() throws IOException {
        Path noReason = write("base/x#0\n");
        assertEquals(noReason + ":1: expected '<case id>  # reason'",
                assertThrows(IOException.class, () -> KnownFailures.load(noReason)).getMessage());
        Path twice = write("base/x#0  # a\nbase/x#0  # b\n");
        assertEquals(twice + ":2: base/x#0 is listed twice",
                assertThrows(IOException.class, () -> KnownFailures.load(twice)).getMessage());
    }
}
