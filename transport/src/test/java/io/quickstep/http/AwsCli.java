package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI ({@code aws}) as a user runs it against the server: with its endpoint, credentials
 * from the environment, and {@code AWS_DISABLE_HOST_PREFIX_INJECTION=true} so that
 * start-sync-execution goes to the endpoint's host, not to {@code sync-127.0.0.1}.
 */
public final class AwsCli {
    /** What one command did. */
    public record Outcome(int exit, String out, String err) {
        public JsonNode json() throws IOException {
            return Json.parse(out);
        }

        @Override
        public String toString() {
            return "exit " + exit + ", stdout: " + out.strip() + ", stderr: " + err.strip();
        }
    }

    private AwsCli() {
    }

    /** Whether {@code aws} can be run here (CI installs it; a developer's machine may not have it). */
    public static boolean installed() {
        try {
            Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code aws stepfunctions ARGS --endpoint-url ... --output json} signed with the given key. */
    static Outcome stepfunctions(int port, String accessKeyId, String secret, String... args)
            throws IOException, InterruptedException {
        return stepfunctions(URI.create("http://127.0.0.1:" + port), accessKeyId, secret, args);
    }

    /** The same against any endpoint (a server of the tests). */
    public static Outcome stepfunctions(URI endpoint, String accessKeyId, String secret, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "stepfunctions"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", "/dev/null"); // the machine's own AWS settings play no part
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        process.getOutputStream().close();
        // Read both streams to their ends (the process may fill one pipe while we wait on the other).
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws " + args[0] + " did not end within 120 s");
        }
        return new Outcome(process.exitValue(), out, err.join());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
