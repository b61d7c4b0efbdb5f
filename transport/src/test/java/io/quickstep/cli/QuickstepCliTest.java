package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.cli.Cli.Outcome;
import io.quickstep.json.Json;
import io.quickstep.json.BadJsonTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.quickstep.cli.Cli.quickstep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickstepCliTest {
    /** Surefire runs in the module's folder; the examples lie at the repository root. */
    private static final Path ORDER = Path.of("..", "examples", "order");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertBadInput(Outcome outcome, String expectedErr) {
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, outcome.exit(), outcome.toString());
        assertEquals(expectedErr + "\n", outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void shouldRefuseAMissingDefinitionFile() {
        Path missing = dir.resolve("missing.asl.json");
        assertBadInput(quickstep("run", missing.toString()), "quickstep: " + missing + ": no such file");
    }

    @Test
    void shouldNameTheFileAndLineOfMalformedJsonInADefinition() throws IOException {
        Path definition = write("broken.asl.json", "{\n  \"StartAt\": \"A\",\n  oops\n}");
        Outcome outcome = quickstep("run", definition.toString());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, outcome.exit());
        assertEquals("quickstep: " + definition + ": malformed JSON at line 3, column 3: expected a member name in "
                + "double quotes, found 'o'\n", outcome.err());
        assertEquals(1, outcome.err().lines().count());
    }

    @Test
    void shouldNameTheOptionOrFileOfMalformedInput() throws IOException {
        Path definition = ORDER.resolve("order.asl.json");
        Outcome inline = quickstep("run", definition.toString(), "--input", "{\"a\": }");
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, inline.exit());
        assertTrue(inline.err().startsWith("quickstep: --input: malformed JSON at line 1, column 7: "), inline.err());

        Path input = write("input.json", "[1, 2,");
        Outcome fromFile = quickstep("run", definition.toString(), "--input", "@" + input);
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, fromFile.exit());
        assertTrue(fromFile.err().startsWith("quickstep: " + input + ": malformed JSON at line 1, column 7: "), fromFile.err());

        Path missing = dir.resolve("nothing.json");
        assertBadInput(quickstep("run", definition.toString(), "--input", "@" + missing), "quickstep: " + missing + ": no such file");
        assertBadInput(quickstep("run", definition.toString(), "--input", ""),
                "quickstep: --input: malformed JSON at line 1, column 1: no JSON value, the text is empty");
    }

    @Test
    void shouldRefuseMocksOutsideTheFormat() throws IOException {
        Path definition = ORDER.resolve("order.asl.json");
        Path notJson = write("bad.mocks.json", "{\"Charge\": [");
        Outcome outcome = quickstep("run", definition.toString(), "--mocks", notJson.toString());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, outcome.exit());
        assertTrue(outcome.err().startsWith("quickstep: " + notJson + ": malformed JSON at line 1, column 13: "), outcome.err());

        Path wrongShape = write("shape.mocks.json", "{\"Charge\": {\"return\": 1}}");
        assertBadInput(quickstep("run", definition.toString(), "--mocks", wrongShape.toString()),
                "quickstep: " + wrongShape + ": mocks.Charge: expected a list of answers");
    }

    @Test
    void shouldRefuseAnInvalidDefinitionOnOneLine() throws IOException {
        Path definition = write("invalid.asl.json", "{\"StartAt\": \"Nowhere\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");
        Outcome outcome = quickstep("run", definition.toString());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, outcome.exit(), outcome.toString());
        assertTrue(outcome.err().startsWith("quickstep: " + definition + ": invalid definition: "), outcome.err());
        assertEquals(1, outcome.err().lines().count());
    }

    @Test
    void shouldTreatWrongUsageAsBadInput() {
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, quickstep().exit());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, quickstep("run").exit());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, quickstep("run", "x.json", "--no-such-option").exit());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, quickstep("validate", "x.json", "--type", "SOMETIMES").exit());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, quickstep("test", ORDER.toString(), "--jobs", "0").exit());
    }

    @Test
    void shouldPrintHelp() {
        Outcome outcome = quickstep("--help");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.out().contains("run") && outcome.out().contains("validate") && outcome.out().contains("test"), outcome.out());
        assertEquals(0, quickstep("run", "--help").exit());
    }

    @Test
    void shouldRunTheOrderExampleWithItsMocks() throws Exception {
        Outcome outcome = quickstep("run", ORDER.resolve("order.asl.json").toString(),
                "--input", "@" + ORDER.resolve("order-input.json"), "--mocks", ORDER.resolve("order.mocks.json").toString());
        assertEquals(0, outcome.exit(), outcome.toString());
        assertEquals(Json.parse("{\"status\":\"SUCCEEDED\",\"output\":{\"chargeId\":\"ch-o-1\",\"charged\":42.5}}"),
                Json.parse(outcome.out()));
        assertEquals("", outcome.err());
    }

    @Test
    void shouldExitOneWhenTheExecutionFails() throws Exception {
        Path mocks = write("failing.mocks.json", "{\"Charge\": [" + "{\"throw\": {\"error\": \"States.TaskFailed\", \"cause\": \"declined\"}},".repeat(2)
                + "{\"throw\": {\"error\": \"States.TaskFailed\", \"cause\": \"declined\"}}], \"Reserve\": []}");
        Outcome outcome = quickstep("run", ORDER.resolve("order.asl.json").toString(), "--virtual-time",
                "--input", "@" + ORDER.resolve("order-input.json"), "--mocks", mocks.toString());
        assertEquals(1, outcome.exit(), outcome.toString());
        assertEquals(Json.parse("{\"status\":\"FAILED\",\"error\":\"PaymentFailed\",\"cause\":\"The charge could not be made.\"}"),
                Json.parse(outcome.out()));
    }

    @Test
    void shouldFailATaskThatHasNoMocks() throws Exception {
        Outcome outcome = quickstep("run", ORDER.resolve("order.asl.json").toString(), "--virtual-time",
                "--input", "@" + ORDER.resolve("order-input.json"));
        assertEquals(1, outcome.exit(), outcome.toString());
        JsonNode result = Json.parse(outcome.out());
        assertEquals("FAILED", result.path("status").asText(), outcome.out());
    }

    @Test
    void shouldPassTheExampleCases() {
        Outcome outcome = quickstep("test", Path.of("..", "examples").toString());
        assertEquals(0, outcome.exit(), outcome.toString());
        assertTrue(outcome.out().matches("[1-9][0-9]* passed, 0 failed\n"), outcome.out());
    }

    @Test
    void shouldReportAFailingCaseAndExitOne() throws IOException {
        write("wrong.json", "{\"id\": \"mine/wrong#0\", \"definition\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}},"
                + " \"input\": {\"a\": 1}, \"expected\": {\"status\": \"SUCCEEDED\", \"output\": {\"a\": 2}}}");
        write("right.json", "{\"id\": \"mine/right#0\", \"definition\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}},"
                + " \"input\": {\"a\": 1}, \"expected\": {\"status\": \"SUCCEEDED\", \"output\": {\"a\": 1.0}}}");
        Outcome outcome = quickstep("test", dir.toString());
        assertEquals(1, outcome.exit(), outcome.toString());
        List<String> lines = outcome.out().lines().toList();
        assertEquals("FAIL mine/wrong#0: $.output.a: expected 2, got 1", lines.get(0));
        // The failing case's events, one line each under it: time, type, state, summary.
        assertEquals(4, lines.size() - 2, outcome.out());
        assertTrue(lines.get(1).matches("    \\d{4}-\\d\\d-\\d\\dT\\S+Z  ExecutionStarted +- +input \\{\"a\":1}"), lines.get(1));
        assertTrue(lines.get(2).contains("PassStateEntered") && lines.get(2).contains(" P "), lines.get(2));
        assertTrue(lines.get(4).contains("ExecutionSucceeded") && lines.get(4).endsWith("output {\"a\":1}"), lines.get(4));
        assertEquals("1 passed, 1 failed", lines.get(5));
        assertBadInput(quickstep("test", dir.toString(), "--only", "nothing-matches"),
                "quickstep: --only nothing-matches: no case id contains it, so no case would run");
    }

    @Test
    void shouldPrintTheExecutionsEventsBeforeItsResultWithHistory() {
        Outcome outcome = quickstep("run", ORDER.resolve("order.asl.json").toString(), "--input",
                "@" + ORDER.resolve("order-input.json"), "--mocks", ORDER.resolve("order.mocks.json").toString(),
                "--history");
        assertEquals(0, outcome.exit(), outcome.toString());
        List<String> lines = outcome.out().lines().toList();
        assertTrue(lines.get(0).contains("ExecutionStarted"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*LambdaFunctionScheduled +function:charge +input .*")),
                outcome.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*LambdaFunctionSucceeded +Charge +output "
                + "\\{\"chargeId\":\"ch-o-1\",\"charged\":42.5}")), outcome.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("TaskStateEntered") && l.contains("Charge")), outcome.out());
        assertTrue(outcome.out().contains("ExecutionSucceeded"), outcome.out());
        assertTrue(outcome.out().endsWith("}\n") && outcome.out().contains("\"status\" : \"SUCCEEDED\""), outcome.out());
    }

    /** Two executions of "passes" and one of "fails", logged at ALL with data into {@code logs}. */
    private static List<String> writeLogs(Path logs) throws Exception {
        io.quickstep.events.LoggingConfiguration all = io.quickstep.events.LoggingConfiguration.of(
                io.quickstep.events.LogLevel.ALL, true);
        io.quickstep.api.StateMachine passes = io.quickstep.api.StateMachine.create("passes",
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}").logging(all);
        io.quickstep.api.StateMachine fails = io.quickstep.api.StateMachine.create("fails",
                "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Oops\",\"Cause\":\"bad\"}}}")
                .logging(all);
        List<String> arns = new ArrayList<>();
        try (io.quickstep.api.Engine engine = io.quickstep.api.Engine.launch(
                new io.quickstep.api.Engine.Context().shards(1).logDirectory(logs))) {
            for (io.quickstep.api.StateMachine machine : List.of(passes, passes, fails)) {
                io.quickstep.api.StartResult started = engine.start(machine, "{\"n\":1}");
                started.completion().join();
                arns.add(started.executionArn());
            }
        }
        return arns;
    }

    @Test
    void shouldPrintTheLogsOfADirectoryByExecutionOrStateMachine() throws Exception {
        Path logs = dir.resolve("logs");
        List<String> arns = writeLogs(logs);
        Outcome all = quickstep("logs", logs.toString());
        assertEquals(0, all.exit(), all.toString());
        for (String arn : arns) {
            assertTrue(all.out().contains(arn + "\n"), all.out());
        }
        assertTrue(all.out().contains("Oops: bad"), all.out());

        Outcome one = quickstep("logs", logs.toString(), "--execution", arns.get(1));
        assertEquals(0, one.exit(), one.toString());
        List<String> lines = one.out().lines().toList();
        assertEquals(4, lines.size(), one.out());
        assertTrue(lines.get(0).matches("  \\S+Z  ExecutionStarted +- +input \\{\"n\":1}"), lines.get(0));

        Outcome failing = quickstep("logs", logs.toString(), "--state-machine", "fails", "--json");
        assertEquals(0, failing.exit(), failing.toString());
        for (String line : failing.out().lines().toList()) {
            assertEquals(arns.get(2), Json.parse(line).get("execution_arn").asText());
        }
        assertEquals(3, failing.out().lines().count(), failing.out());
    }

    @Test
    void shouldFollowTheLogsAsTheyAreWritten() throws Exception {
        Path logs = dir.resolve("logs");
        List<String> first = writeLogs(logs);
        StringWriter out = new StringWriter();
        java.util.concurrent.CompletableFuture<Integer> exit = new java.util.concurrent.CompletableFuture<>();
        Thread following = new Thread(() -> exit.complete(QuickstepCli.commandLine().setOut(new PrintWriter(out, true))
                .execute("logs", logs.toString(), "--follow", "--json")), "follow");
        following.start();
        awaitLines(out, 4 + 4 + 3);
        List<String> second = writeLogs(logs); // into the same day's files, or a new one
        awaitLines(out, 2 * (4 + 4 + 3));
        following.interrupt();
        assertEquals(0, exit.get(10, java.util.concurrent.TimeUnit.SECONDS));
        for (String arn : java.util.stream.Stream.concat(first.stream(), second.stream()).toList()) {
            assertTrue(out.toString().contains(arn), out.toString());
        }
        assertEquals(2 * (4 + 4 + 3), out.toString().lines().count(), "each event once: " + out);
    }

    /** Waits (at most 10 s) until the output has {@code count} lines. */
    private static void awaitLines(StringWriter out, long count) throws InterruptedException {
        for (int i = 0; i < 1000 && out.toString().lines().count() < count; i++) {
            Thread.sleep(10);
        }
        assertEquals(count, out.toString().lines().count(), out.toString());
    }

    @Test
    void shouldSayWhenNoLogEventMatchesOrTheFolderIsMissing() throws Exception {
        Path logs = dir.resolve("logs");
        writeLogs(logs);
        Outcome none = quickstep("logs", logs.toString(), "--state-machine", "nothing");
        assertEquals(1, none.exit(), none.toString());
        assertEquals("quickstep: no log events of state machine nothing in " + logs + "\n", none.err());
        assertBadInput(quickstep("logs", dir.resolve("missing").toString()),
                "quickstep: " + dir.resolve("missing") + ": no such folder");
        Outcome both = quickstep("logs", logs.toString(), "--execution", "a", "--state-machine", "b");
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, both.exit(), both.toString());
    }

    /** The loop from issue 8: Pass and Choice states forever, with a 3-second limit. */
    private static final String LOOP = "{\"TimeoutSeconds\":3,\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
            + "\"Next\":\"B\"},\"B\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.stop\",\"IsPresent\":true,"
            + "\"Next\":\"D\"}],\"Default\":\"A\"},\"D\":{\"Type\":\"Succeed\"}}}";

    @Test
    void shouldTimeOutALoopOfStatesAtItsLimitOnBothClocks() throws IOException {
        Path definition = write("loop.asl.json", LOOP);
        for (String[] args : new String[][] {{"run", definition.toString()},
                {"run", definition.toString(), "--virtual-time"}}) {
            Outcome outcome = quickstep(args);
            assertEquals(1, outcome.exit(), outcome.toString());
            JsonNode result = Json.parse(outcome.out());
            assertEquals("TIMED_OUT", result.path("status").asText(), outcome.out());
            assertEquals("States.Timeout", result.path("error").asText(), outcome.out());
        }
    }

    @Test
    void shouldJudgeALoopingCaseAsTimedOut() throws IOException {
        write("loop.json", "{\"id\": \"mine/loop#0\", \"definition\": " + LOOP + ", \"input\": {},"
                + " \"expected\": {\"status\": \"TIMED_OUT\", \"error\": \"States.Timeout\", \"cause\": null}}");
        Outcome outcome = quickstep("test", dir.toString());
        assertEquals("1 passed, 0 failed\n", outcome.out(), outcome.toString());
    }

    @Test
    void shouldReportAMalformedCaseFileAsAFailureAndRunTheRest() throws IOException {
        write("good.json", "{\"id\": \"mine/good#0\", \"definition\": {\"StartAt\": \"P\", \"States\": {\"P\": "
                + "{\"Type\": \"Pass\", \"End\": true}}}, \"input\": {}, \"expected\": {\"status\": \"SUCCEEDED\", \"output\": {}}}");
        Path broken = write("broken.json", "{\"id\": \"mine/broken#0\", \"expected\": ");
        Outcome outcome = quickstep("test", dir.toString());
        assertEquals(1, outcome.exit(), outcome.toString());
        assertTrue(outcome.out().startsWith("FAIL " + broken + ": malformed JSON at line 1"), outcome.out());
        assertTrue(outcome.out().endsWith("1 passed, 1 failed\n"), outcome.out());
    }

    @Test
    void shouldTakeEnumOptionsInAnyCase() throws IOException {
        Path definition = write("ok.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        Outcome outcome = quickstep("validate", definition.toString(), "--type", "express");
        assertEquals(0, outcome.exit(), outcome.toString());
        assertEquals("OK\n", outcome.out());
    }

    @Test
    void shouldAnswerVersionHelpAndCompletionAsPicocliUsersExpect() {
        Outcome version = quickstep("--version");
        assertEquals(0, version.exit(), version.toString());
        assertTrue(version.out().startsWith("quickstep "), version.out());
        Outcome help = quickstep("help", "run");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("--input"), help.out());
        Outcome completion = quickstep("generate-completion");
        assertEquals(0, completion.exit(), completion.toString());
        assertTrue(completion.out().contains("complete") && completion.out().contains("quickstep"),
                completion.out().lines().limit(5).toList().toString());
    }

    @Test
    void shouldSayWhatIsMissingAfterAnAtSign() throws IOException {
        Path definition = write("ok.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        assertBadInput(quickstep("run", definition.toString(), "--input", "@"),
                "quickstep: --input @: no file name after @ (write --input @FILE)");
    }

    @Test
    void shouldHoldTheInputLimitAgainstTheInputAsSent() throws IOException {
        // 12,000 members, each on a line of its own behind 60 spaces: about 900 KB as written,
        // about 130 KB once written compactly. AWS measures what it was sent.
        StringBuilder pretty = new StringBuilder("{\n");
        for (int i = 0; i < 12_000; i++) {
            pretty.append(" ".repeat(60)).append("\"k").append(i).append("\": ").append(i).append(i < 11_999 ? ",\n" : "\n");
        }
        Path input = write("pretty-input.json", pretty.append("}").toString());
        Path definition = write("ok.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        Outcome outcome = quickstep("run", definition.toString(), "--input", "@" + input);
        assertEquals(1, outcome.exit(), outcome.err());
        JsonNode result = Json.parse(outcome.out());
        assertEquals("States.DataLimitExceeded", result.path("error").asText(), outcome.out());
    }

    @Test
    void shouldRefuseTestPathsWithoutCases() throws IOException {
        Path missing = dir.resolve("none");
        assertBadInput(quickstep("test", missing.toString()), "quickstep: " + missing + ": no such file or folder");
        write("definition.json", "{\"StartAt\": \"P\", \"States\": {}}");
        assertBadInput(quickstep("test", dir.toString()), "quickstep: no case files in [" + dir + "]");
        // A case file that is not in the case format is a failing case, reported with the rest.
        Path notACase = write("case.json", "{\"id\": \"x#0\", \"expected\": {\"status\": \"SUCCEEDED\"}}");
        Outcome outcome = quickstep("test", notACase.toString());
        assertEquals(1, outcome.exit(), outcome.toString());
        assertEquals("FAIL " + notACase + ": expected exactly one of definition (an object) and definition_text "
                + "(a string)\n0 passed, 1 failed\n", outcome.out());
    }

    @Test
    void shouldValidateADefinition() throws IOException {
        Outcome valid = quickstep("validate", ORDER.resolve("order.asl.json").toString());
        assertEquals(0, valid.exit(), valid.toString());
        assertEquals("OK\n", valid.out());

        Path definition = write("no-states.asl.json", "{\"StartAt\": \"A\"}");
        Outcome invalid = quickstep("validate", definition.toString(), "--type", "STANDARD");
        assertEquals(1, invalid.exit(), invalid.toString());
        assertEquals("ERROR SCHEMA_VALIDATION_FAILED at /: These fields are required: [States]\n", invalid.out());
    }

    @Test
    void shouldDisassembleAValidDefinitionAfterOk() throws IOException {
        Outcome valid = quickstep("validate", ORDER.resolve("order.asl.json").toString(), "--disassemble");
        assertEquals(0, valid.exit(), valid.toString());
        assertTrue(valid.out().startsWith("OK\n== / ==  StartAt 0000 (Normalize)\n0000  ENTER           Normalize\n"),
                valid.out());
        assertTrue(valid.out().contains("\n0016  ENTER           Charge\n"), valid.out());
        assertEquals("", valid.err());

        Path invalid = write("no-states.asl.json", "{\"StartAt\": \"A\"}");
        Outcome refused = quickstep("validate", invalid.toString(), "--disassemble");
        assertEquals(1, refused.exit(), refused.toString());
        assertEquals("ERROR SCHEMA_VALIDATION_FAILED at /: These fields are required: [States]\n", refused.out());

        Path jsonata = write("jsonata.asl.json", "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\": "
                + "{\"Type\": \"Pass\", \"Output\": \"{% 1 %}\", \"End\": true}}}");
        Outcome jsonataListing = quickstep("validate", jsonata.toString(), "--disassemble");
        assertEquals(0, jsonataListing.exit(), jsonataListing.toString());
        assertTrue(jsonataListing.out().contains("  OUTPUT  "), jsonataListing.out());

        Path reader = write("reader.asl.json", "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", "
                + "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": "
                + "{\"Bucket\": \"b\", \"Key\": \"k\"}}, \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": "
                + "\"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"}, \"StartAt\": \"P\", \"States\": {\"P\": "
                + "{\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}}}");
        Outcome unsupported = quickstep("validate", reader.toString(), "--disassemble");
        assertEquals(1, unsupported.exit(), unsupported.toString());
        assertEquals("ERROR UNSUPPORTED_FEATURE at /States/M: ItemReader, ItemBatcher and ResultWriter are not "
                + "supported yet\n", unsupported.out());
        assertEquals("", unsupported.err());
    }

    @Test
    void shouldRefuseInValidateWhatRunRefuses() throws IOException {
        Path badName = write("bad-name.asl.json", "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": "
                + "{\"A\": {\"Type\": \"Pass\", \"Assign\": {\"1bad-name\": 1}, \"End\": true}}}");
        String message = "Invalid variable name '1bad-name': a name starts with a letter or underscore, continues "
                + "with letters, digits or underscores, is at most 80 characters long and is not 'states'";
        String at = "/States/A/Assign/1bad-name";
        Outcome validate = quickstep("validate", badName.toString());
        assertEquals(1, validate.exit(), validate.toString());
        assertEquals("ERROR SCHEMA_VALIDATION_FAILED at " + at + ": " + message + "\n", validate.out());
        assertBadInput(quickstep("run", badName.toString(), "--input", "{}"),
                "quickstep: " + badName + ": invalid definition: SCHEMA_VALIDATION_FAILED: " + message + " at " + at);
    }

    @Test
    void shouldNameMachinesAfterTheirFiles() {
        assertEquals("order", Definitions.machineName(Path.of("examples", "order", "order.asl.json")));
        assertEquals("my_flow_v2", Definitions.machineName(Path.of("my flow.v2.json")));
    }

    /** Every bad text of the JSON table, through every command that reads JSON a user wrote. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quickstep.json.BadJsonTexts#badTexts")
    void shouldSayWhatIsWrongWithJsonAndWhereInEveryCommand(String what, String text, String expected) throws IOException {
        Path definition = ORDER.resolve("order.asl.json");
        Outcome input = quickstep("run", definition.toString(), "--input", text);
        assertBadInput(input, "quickstep: --input: " + expected);
        BadJsonTexts.assertNoInternals(input.err());

        Path file = write("bad.json", text);
        Outcome mocks = quickstep("run", definition.toString(), "--mocks", file.toString());
        assertBadInput(mocks, "quickstep: " + file + ": " + expected);
        assertBadInput(quickstep("run", file.toString()), "quickstep: " + file + ": " + expected);
        assertBadInput(quickstep("graph", file.toString()), "quickstep: " + file + ": " + expected);

        Outcome tested = quickstep("test", file.toString());
        assertEquals(1, tested.exit(), tested.toString());
        assertEquals("FAIL " + file + ": " + expected + "\n0 passed, 1 failed\n", tested.out());

        Outcome validated = quickstep("validate", file.toString());
        assertEquals(1, validated.exit(), validated.toString());
        BadJsonTexts.assertNoInternals(validated.out());
        if (!text.isBlank()) { // AWS calls a blank definition one that is not an object
            assertEquals("ERROR INVALID_JSON_DESCRIPTION: " + expected + "\n", validated.out());
        }
    }

    @Test
    void shouldValidateATruncatedDefinitionAsAwsDoesAndExitOne() throws IOException {
        String order = Files.readString(ORDER.resolve("order.asl.json"));
        Path truncated = write("truncated.asl.json", order.substring(0, order.indexOf("    \"Route\": {")));
        Outcome outcome = quickstep("validate", truncated.toString());
        assertEquals(1, outcome.exit(), outcome.toString());
        assertEquals("ERROR INVALID_JSON_DESCRIPTION: malformed JSON at line 15, column 1: unexpected end of input "
                + "(the object opened at line 4, column 13 is not closed)\n", outcome.out());
        assertEquals("", outcome.err());
    }

    @Test
    void shouldFollowOneExitCodeConventionInEveryCommand() throws IOException {
        String order = ORDER.resolve("order.asl.json").toString();
        String input = "@" + ORDER.resolve("order-input.json");
        String mocks = ORDER.resolve("order.mocks.json").toString();
        String malformed = write("truncated.asl.json", "{\"StartAt\": \"A\", \"States\": {").toString();
        String invalid = write("invalid.asl.json", "{\"StartAt\": \"Nowhere\", \"States\": {\"A\": {\"Type\": \"Pass\", "
                + "\"End\": true}}}").toString();
        String misnamed = write("misnamed.mocks.json", "{\"Chrage\": [], \"Reserve\": []}").toString();
        String missing = dir.resolve("missing.json").toString();
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(cases.resolve("wrong.json"), "{\"definition\": {\"StartAt\": \"P\", \"States\": {\"P\": "
                + "{\"Type\": \"Pass\", \"End\": true}}}, \"input\": {\"a\": 1}, \"expected\": {\"status\": \"FAILED\"}}");

        assertExit(0, "run", order, "--input", input, "--mocks", mocks);
        assertExit(1, "run", order, "--input", input, "--virtual-time");     // no mocks: the Charge task has no handler
        assertExit(2, "run", malformed);
        assertExit(2, "run", invalid);
        assertExit(2, "run", missing);
        assertExit(2, "run", order, "--input", "{\"amount\": NaN}");
        assertExit(2, "run", order, "--input", input, "--mocks", missing);
        assertExit(2, "run", order, "--input", input, "--mocks", misnamed);
        assertExit(2, "run", order, "--no-such-option");
        assertExit(0, "validate", order);
        assertExit(1, "validate", invalid);
        assertExit(1, "validate", malformed);
        assertExit(2, "validate", missing);
        assertExit(2, "validate", dir.toString());
        assertExit(2, "validate", order, "--type", "SOMETIMES");
        assertExit(0, "test", Path.of("..", "examples").toString());
        assertExit(1, "test", cases.toString());
        assertExit(1, "test", malformed);                                     // a case file that cannot be read
        assertExit(2, "test", missing);
        assertExit(2, "test", ORDER.toString(), "--only", "no-such-case");
        assertExit(2, "test", ORDER.toString(), "--jobs", "0");
        assertExit(0, "graph", order);
        assertExit(2, "graph", malformed);
        assertExit(2, "graph", invalid);
        assertExit(2, "graph", missing);
        assertExit(2, "graph", order, "--format", "png");                    // PNG needs --out
        assertExit(2, "graph", order, "--events", missing);
        assertExit(2, "graph", order, "--events", malformed);
        assertExit(2, "graph", order, "--execution", "arn:aws:states:us-east-1:1:express:order:x:y");
        assertExit(2, "graph", order, "--format", "jpeg");
        assertExit(2, "graph", order, "--out", dir.resolve("no-such-folder").resolve("order.svg").toString());
        assertExit(0, "help", "run");
        assertExit(0, "--version");
        assertExit(2, "no-such-command");
    }

    private static void assertExit(int expected, String... args) {
        Outcome outcome = quickstep(args);
        assertEquals(expected, outcome.exit(), () -> String.join(" ", args) + " -> " + outcome);
    }

    @Test
    void shouldRefuseMocksNamingNoTaskStateBeforeRunning() throws IOException {
        Path definition = ORDER.resolve("order.asl.json");
        Path typo = write("typo.mocks.json", "{\"Chrage\": [{\"return\": {}}], \"Reserve\": [{\"return\": {}}]}");
        assertBadInput(quickstep("run", definition.toString(), "--input", "@" + ORDER.resolve("order-input.json"),
                "--mocks", typo.toString()), "quickstep: " + typo + ": mocks.Chrage: no state of the definition has this "
                + "name; did you mean 'Charge'?");
        Path choice = write("choice.mocks.json", "{\"Route\": [], \"Charge\": [{\"return\": {}}], \"Reserve\": [{\"return\": {}}]}");
        assertBadInput(quickstep("run", definition.toString(), "--input", "@" + ORDER.resolve("order-input.json"),
                "--mocks", choice.toString()), "quickstep: " + choice + ": mocks.Route: 'Route' is a Choice state; only "
                + "Task states take answers");
    }

    @Test
    void shouldRefuseMocksTheExecutionLeftUnusedAfterPrintingItsResult() throws Exception {
        Path extra = write("extra.mocks.json", "{\"Charge\": [{\"return\": {\"chargeId\": \"c\"}}], "
                + "\"Reserve\": [{\"return\": {}}, {\"return\": {}}]}");
        Outcome outcome = quickstep("run", ORDER.resolve("order.asl.json").toString(), "--input",
                "@" + ORDER.resolve("order-input.json"), "--mocks", extra.toString());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, outcome.exit(), outcome.toString());
        assertEquals("SUCCEEDED", Json.parse(outcome.out()).path("status").asText(), outcome.out());
        assertEquals("quickstep: " + extra + ": mocks: answers left unused: 'Reserve' used 1 of 2\n", outcome.err());
    }

    @Test
    void shouldRunEveryExampleWithItsInputAndMocks() throws IOException {
        try (Stream<Path> definitions = Files.list(Path.of("..", "examples"))) {
            for (Path folder : definitions.filter(Files::isDirectory).toList()) {
                String name = folder.getFileName().toString();
                List<String> args = new ArrayList<>(List.of("run", folder.resolve(name + ".asl.json").toString(),
                        "--input", "@" + folder.resolve(name + "-input.json"), "--virtual-time"));
                if (Files.exists(folder.resolve(name + ".mocks.json"))) {
                    args.addAll(List.of("--mocks", folder.resolve(name + ".mocks.json").toString()));
                }
                Outcome outcome = quickstep(args.toArray(String[]::new));
                assertEquals(0, outcome.exit(), args + " -> " + outcome);
                assertEquals("", outcome.err(), args.toString());
            }
        }
    }
}
