package io.quickstep.clients;

import io.quickstep.http.SfnClients;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.URI;
import java.util.function.Consumer;

/** The suites' SDK clients: {@link SfnClients} with fake credentials, and the role they name. */
final class Sdk {
    static final String ROLE = "arn:aws:iam::123456789012:role/sdk";

    private Sdk() {
    }

    static SfnClient client(URI endpoint) {
        return client(endpoint, c -> { });
    }

    /** A client with more of the override configuration (retries, interceptors) set by {@code configuration}. */
    static SfnClient client(URI endpoint, Consumer<ClientOverrideConfiguration.Builder> configuration) {
        return SfnClients.client(endpoint, SfnClients.ANY, Region.US_EAST_1, configuration);
    }
}
