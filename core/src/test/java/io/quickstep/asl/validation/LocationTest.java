package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocationTest {
    @Test
    void rootIsSlash() {
        assertEquals("/", Location.ROOT.toString());
    }

    @Test
    void membersArePointerSegmentsAndArrayElementsAreIndexed() {
        Location next = Location.ROOT.field("States").field("A").field("Catch").index(0).field("Next");
        assertEquals("/States/A/Catch[0]/Next", next.toString());
    }

    @Test
    void tildeAndSlashAreEscapedAsInRfc6901() {
        assertEquals("/States/a~1b~0c", Location.ROOT.field("States").field("a/b~c").toString());
    }
}
