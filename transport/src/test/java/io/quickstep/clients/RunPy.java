package io.quickstep.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus's own runner, {@code run.py} (boto3), as the build keeps a copy of it in
 * {@code src/test/resources/conformance/tools}: run against an endpoint, its per-case JSON report
 * and its closing line {@code N passed, M failed[, K skipped]}.
 */
final class RunPy {
    private static final long RUN_SECONDS = 300;
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?");
    private static final String PROBE = "import boto3; c = boto3.client('stepfunctions', region_name='us-east-1', "
            + "aws_access_key_id='t', aws_secret_access_key='t'); "
            + "print(hasattr(c, 'validate_state_machine_definition'))";

    /** What the Python side offers: whether it runs at all, and whether its boto3 knows ValidateStateMachineDefinition. */
    record Python(String unavailable, boolean validates) {
    }

    /** A finished run: the report's cases ({@code id, result, detail}) and the counts of the closing line. */
    record Run(List<JsonNode> cases, int passed, int failed, int skipped, String output) {
    }

    static Python probe() {
        try {
            Process process = new ProcessBuilder("python3", "-c", PROBE).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Python("python3 -c 'import boto3' did not answer within 60 s", false);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                return new Python("boto3 cannot be imported by python3 (CI installs Debian's python3-boto3): "
                        + out.lines().reduce((a, b) -> b).orElse(""), false);
            }
            return new Python(null, out.endsWith("True"));
        } catch (IOException e) {
            return new Python("python3 is not on the PATH: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Python("interrupted", false);
        }
    }

    /** Runs {@code run.py CASES --endpoint E --jobs 4 --json-report ... [extra]}. */
    static Run run(Path cases, URI endpoint, String... extra) throws IOException, InterruptedException {
        Path report = Files.createTempFile("run-py", ".json");
        Path output = Files.createTempFile("run-py", ".out");
        try {
            List<String> command = new ArrayList<>(List.of("python3", script().toString(), cases.toString(),
                    "--endpoint", endpoint.toString(), "--jobs", "4", "--json-report", report.toString()));
            command.addAll(List.of(extra));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("run.py did not end within " + RUN_SECONDS + " s");
            }
            String text = Files.readString(output);
            Matcher summary = SUMMARY.matcher(text);
            if (process.exitValue() != 0 || !summary.find()) {
                throw new IOException("run.py exited " + process.exitValue() + ": " + text);
            }
            List<JsonNode> results = new ArrayList<>();
            Json.parse(Files.readAllBytes(report)).path("cases").forEach(results::add);
            return new Run(results, Integer.parseInt(summary.group(1)), Integer.parseInt(summary.group(2)),
                    summary.group(3) == null ? 0 : Integer.parseInt(summary.group(3)), text);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(output);
        }
    }

    private static Path script() {
        try {
            return Path.of(RunPy.class.getResource("/conformance/tools/run.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
