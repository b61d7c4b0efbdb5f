package io.quickstep.clients;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.URI;
import java.util.function.Consumer;

/**
 * The AWS SDK for Java v2 {@code sfn} client as a user points it at a local endpoint: fake
 * credentials, host prefix injection off (StartSyncExecution would go to {@code sync-127.0.0.1}).
 */
final class Sdk {
    static final String ROLE = "arn:aws:iam::123456789012:role/sdk";

    private Sdk() {
    }

    static SfnClient client(URI endpoint) {
        return client(endpoint, c -> { });
    }

    /** A client with more of the override configuration (retries, interceptors) set by {@code configuration}. */
    static SfnClient client(URI endpoint, Consumer<ClientOverrideConfiguration.Builder> configuration) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> configuration.accept(
                        c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)))
                .build();
    }
}
