package io.quickstep.ui;

import org.junit.jupiter.api.Test;

/** The live view reads the engine as users do: its metrics and the Step Functions API, never its internals. */
class LayeringTest {
    @Test
    void theLiveViewUsesOnlyThePublicApi() {
        io.quickstep.LayeringTest.assertUsesOnlyThePublicApi("io.quickstep.ui");
    }
}
