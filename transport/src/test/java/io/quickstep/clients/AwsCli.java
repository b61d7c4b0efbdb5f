package io.quickstep.clients;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS CLI ({@code aws stepfunctions ...}) against one endpoint with fake credentials, run as
 * {@link io.quickstep.http.AwsCli} runs it (host prefix injection off, region us-east-1, JSON output).
 */
final class AwsCli {
    private final URI endpoint;

    AwsCli(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Why the CLI cannot be used here, or null when {@code aws --version} runs. */
    static String unavailable() {
        return io.quickstep.http.AwsCli.installed() ? null
                : "the AWS CLI (aws) does not run here (CI installs Debian's awscli)";
    }

    /** {@code aws stepfunctions COMMAND ARGS...} against the endpoint. */
    io.quickstep.http.AwsCli.Outcome stepfunctions(String command, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        try {
            return io.quickstep.http.AwsCli.stepfunctions(endpoint, "AKIDTEST", "secret", line.toArray(String[]::new));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
