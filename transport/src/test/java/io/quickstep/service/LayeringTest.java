package io.quickstep.service;

import org.junit.jupiter.api.Test;

/** The service drives the engine as users do: through the API, never its internals. */
class LayeringTest {
    @Test
    void theServiceUsesOnlyThePublicApi() {
        io.quickstep.LayeringTest.assertUsesOnlyThePublicApi("io.quickstep.service");
    }
}
