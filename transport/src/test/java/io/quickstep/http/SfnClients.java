package io.quickstep.http;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;

/**
 * The AWS SDK for Java v2 {@code sfn} client as a user points it at the server: changed only in its
 * endpoint, with {@link SdkAdvancedClientOption#DISABLE_HOST_PREFIX_INJECTION} so that
 * StartSyncExecution goes to the endpoint's host, not to {@code sync-127.0.0.1} (a name that does
 * not resolve; the server would take the request either way).
 */
public final class SfnClients {
    /** Credentials for a server that checks none. */
    public static final AwsCredentials ANY = AwsBasicCredentials.create("AKIDTEST", "secret");

    private SfnClients() {
    }

    public static SfnClient local(InetSocketAddress server, AwsCredentials credentials) {
        return local(server, credentials, Region.US_EAST_1);
    }

    /** A client that signs for {@code region}. */
    public static SfnClient local(InetSocketAddress server, AwsCredentials credentials, Region region) {
        return client(URI.create("http://127.0.0.1:" + server.getPort()), credentials, region, c -> { });
    }

    /**
     * A client of {@code endpoint} signing with {@code credentials} for {@code region}, with more of
     * its override configuration (retries, interceptors) set by {@code configuration}.
     */
    public static SfnClient client(URI endpoint, AwsCredentials credentials, Region region,
                                   Consumer<ClientOverrideConfiguration.Builder> configuration) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> configuration.accept(
                        c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)))
                .build();
    }
}
