package io.quickstep.cli;

import org.junit.jupiter.api.Test;

/** The command line drives the engine as users do: through the API, never its internals. */
class LayeringTest {
    @Test
    void theCommandLineUsesOnlyThePublicApi() {
        io.quickstep.LayeringTest.assertUsesOnlyThePublicApi("io.quickstep.cli");
    }
}
