package io.quickstep.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI ({@code aws stepfunctions ...}) run against one endpoint with fake credentials, host
 * prefix injection off (else start-sync-execution goes to {@code sync-127.0.0.1}), region
 * {@code us-east-1} and JSON output.
 */
final class AwsCli {
    private static final long CALL_SECONDS = 120;
    private final URI endpoint;

    AwsCli(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** What one call gave: its exit status, standard output and standard error. */
    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.parse(out);
        }

        @Override
        public String toString() {
            return "exit " + exit + ", stdout: " + out.strip() + ", stderr: " + err.strip();
        }
    }

    /** Why the CLI cannot be used here, or null when {@code aws --version} runs. */
    static String unavailable() {
        try {
            Result version = run(List.of("aws", "--version"));
            return version.exit() == 0 ? null : "the AWS CLI does not run: " + version;
        } catch (IOException e) {
            return "the AWS CLI (aws) is not on the PATH (CI installs Debian's awscli): " + e.getMessage();
        }
    }

    /** {@code aws stepfunctions COMMAND ARGS... --endpoint-url E --region us-east-1 --output json}. */
    Result stepfunctions(String command, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of("aws", "stepfunctions", command));
        line.addAll(List.of(args));
        line.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "--output", "json"));
        return run(line);
    }

    private static Result run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
        env.put("AWS_PAGER", "");
        Path out = Files.createTempFile("aws-cli", ".out");
        Path err = Files.createTempFile("aws-cli", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(CALL_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not end within " + CALL_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
