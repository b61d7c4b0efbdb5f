package io.quickstep.loadtest;

import org.junit.jupiter.api.Test;

/** The load tester drives the engine as users do: through the API, never its internals. */
class LayeringTest {
    @Test
    void theLoadTesterUsesOnlyThePublicApi() {
        io.quickstep.LayeringTest.assertUsesOnlyThePublicApi("io.quickstep.loadtest");
    }
}
