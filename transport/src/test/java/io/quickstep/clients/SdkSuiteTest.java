package io.quickstep.clients;

import io.quickstep.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation the service supports, through the AWS SDK for Java v2 against the server on an
 * ephemeral loopback port: the answers as the SDK parses them, and AWS's errors as the SDK's typed
 * exceptions. Each test makes its own state machines (names unique to it) on one shared server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkSuiteTest {
    private static final String PASS = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"got.$": "$.value"}, "End": true}}}""";
    private static final String OTHER_PASS = """
            {"StartAt": "Q", "States": {"Q": {"Type": "Pass", "Result": "other", "End": true}}}""";
    private static final String LONG_WAIT = """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}""";
    private static final String MISSING_TARGET = """
            {"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Next": "World"}}}""";
    private LocalServer server;
    private SfnClient sfn;

    @BeforeAll
    void start() {
        server = LocalServer.start();
        sfn = Sdk.client(server.endpoint());
    }

    @AfterAll
    void stop() {
        sfn.close();
        server.close();
    }

    @Test
    void stateMachinesAreCreatedDescribedListedUpdatedAndDeleted() throws Exception {
        String arn = create("lifecycle", PASS, StateMachineType.EXPRESS);
        DescribeStateMachineResponse described = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertEquals("lifecycle", described.name());
        assertEquals(StateMachineType.EXPRESS, described.type());
        assertEquals(Json.parse(PASS), Json.parse(described.definition()));
        assertEquals(Sdk.ROLE, described.roleArn());
        assertTrue(sfn.listStateMachines(b -> { }).stateMachines().stream().anyMatch(m -> m.stateMachineArn().equals(arn)));

        sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(OTHER_PASS));
        assertEquals(Json.parse(OTHER_PASS), Json.parse(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()));
        assertEquals("\"other\"", sfn.startSyncExecution(b -> b.stateMachineArn(arn)).output());

        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)));
        assertTrue(sfn.listStateMachines(b -> { }).stateMachines().stream().noneMatch(m -> m.stateMachineArn().equals(arn)));
    }

    @Test
    void versionsAndAliasesNameWhatRuns() {
        CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name("versioned").definition(PASS)
                .roleArn(Sdk.ROLE).type(StateMachineType.EXPRESS).publish(true).versionDescription("first"));
        String arn = created.stateMachineArn();
        String v1 = created.stateMachineVersionArn();
        assertEquals(arn + ":1", v1);
        sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(OTHER_PASS));
        String v2 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn).description("second")).stateMachineVersionArn();
        assertEquals(arn + ":2", v2);
        assertEquals(List.of(v2, v1), sfn.listStateMachineVersions(b -> b.stateMachineArn(arn)).stateMachineVersions()
                .stream().map(v -> v.stateMachineVersionArn()).toList());
        assertEquals("first", sfn.describeStateMachine(b -> b.stateMachineArn(v1)).description());

        String alias = sfn.createStateMachineAlias(b -> b.name("live")
                .routingConfiguration(r -> r.stateMachineVersionArn(v1).weight(100))).stateMachineAliasArn();
        assertEquals(arn + ":live", alias);
        assertEquals("{\"got\":7}", sfn.startSyncExecution(b -> b.stateMachineArn(alias).input("{\"value\": 7}")).output());
        sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias)
                .routingConfiguration(r -> r.stateMachineVersionArn(v2).weight(100)));
        assertEquals(v2, sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)).routingConfiguration().get(0)
                .stateMachineVersionArn());
        assertEquals("\"other\"", sfn.startSyncExecution(b -> b.stateMachineArn(alias)).output());
        assertEquals(List.of(alias), sfn.listStateMachineAliases(b -> b.stateMachineArn(arn)).stateMachineAliases()
                .stream().map(a -> a.stateMachineAliasArn()).toList());
        assertEquals("{\"got\":1}", sfn.startSyncExecution(b -> b.stateMachineArn(v1).input("{\"value\": 1}")).output());

        assertThrows(ConflictException.class, () -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2)));
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.describeStateMachine(b -> b.stateMachineArn(v2)));
        assertThrows(ResourceNotFoundException.class, () -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)));
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        String arn = sfn.createStateMachine(b -> b.name("tagged").definition(PASS).roleArn(Sdk.ROLE)
                .type(StateMachineType.EXPRESS).tags(Tag.builder().key("team").value("a").build())).stateMachineArn();
        sfn.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
        assertEquals(Map.of("team", "a", "env", "test"), tags(arn));
        sfn.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertEquals(Map.of("env", "test"), tags(arn));
        assertThrows(ResourceNotFoundException.class, () -> sfn.listTagsForResource(b -> b.resourceArn(arn + "-none")));
    }

    @Test
    void activitiesAreRecords() {
        String arn = sfn.createActivity(b -> b.name("approve")).activityArn();
        assertEquals("approve", sfn.describeActivity(b -> b.activityArn(arn)).name());
        assertTrue(sfn.listActivities(b -> { }).activities().stream().anyMatch(a -> a.activityArn().equals(arn)));
        sfn.deleteActivity(b -> b.activityArn(arn));
        assertThrows(ActivityDoesNotExistException.class, () -> sfn.describeActivity(b -> b.activityArn(arn)));
    }

    @Test
    void executionsAreStartedDescribedListedAndTheirHistoryRead() throws Exception {
        String arn = create("executions", PASS, StateMachineType.EXPRESS);
        StartSyncExecutionResponse sync = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{\"value\": \"s\"}"));
        assertEquals(SyncExecutionStatus.SUCCEEDED, sync.status());
        assertEquals("{\"got\":\"s\"}", sync.output());

        String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn).name("named").input("{\"value\": 2}"))
                .executionArn();
        DescribeExecutionResponse described = awaitEnd(executionArn);
        assertEquals(ExecutionStatus.SUCCEEDED, described.status());
        assertEquals("{\"got\":2}", described.output());
        assertEquals("named", described.name());
        assertEquals(arn, sfn.describeStateMachineForExecution(b -> b.executionArn(executionArn)).stateMachineArn());
        assertTrue(sfn.listExecutions(b -> b.stateMachineArn(arn)).executions().stream()
                .anyMatch(e -> e.executionArn().equals(executionArn)));
        List<HistoryEventType> events = sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                .map(e -> e.type()).toList();
        assertEquals(HistoryEventType.EXECUTION_STARTED, events.get(0));
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, events.get(events.size() - 1));
    }

    @Test
    void stopExecutionAbortsARunningExecution() throws Exception {
        String arn = create("stopped", LONG_WAIT, StateMachineType.STANDARD);
        String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn).name("to-stop")).executionArn();
        assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(executionArn)).status());
        sfn.stopExecution(b -> b.executionArn(executionArn).error("Stopped").cause("by the test"));
        DescribeExecutionResponse stopped = awaitEnd(executionArn);
        assertEquals(ExecutionStatus.ABORTED, stopped.status());
        assertEquals("Stopped", stopped.error());
        assertThrows(ExecutionAlreadyExistsException.class,
                () -> sfn.startExecution(b -> b.stateMachineArn(arn).name("to-stop").input("{\"other\": 1}")));
    }

    @Test
    void validateStateMachineDefinitionAndTestState() throws Exception {
        assertEquals(ValidateStateMachineDefinitionResultCode.OK,
                sfn.validateStateMachineDefinition(b -> b.definition(PASS)).result());
        var failed = sfn.validateStateMachineDefinition(b -> b.definition(MISSING_TARGET));
        assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, failed.result());
        assertEquals("MISSING_TRANSITION_TARGET", failed.diagnostics().get(0).code());
        assertEquals("/States/Hello/Next", failed.diagnostics().get(0).location());

        var tested = sfn.testState(b -> b.definition("{\"Type\": \"Pass\", \"Result\": {\"a\": 1}, \"Next\": \"After\"}")
                .roleArn(Sdk.ROLE).input("{}"));
        assertEquals(TestExecutionStatus.SUCCEEDED, tested.status());
        assertEquals("After", tested.nextState());
        assertEquals(Json.parse("{\"a\": 1}"), Json.parse(tested.output()));
    }

    @Test
    void awsErrorsReachTheSdkAsItsTypedExceptions() {
        String arn = create("errors", PASS, StateMachineType.EXPRESS);
        String standard = create("errors-standard", PASS, StateMachineType.STANDARD);
        String missing = arn + "-none";
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.describeStateMachine(b -> b.stateMachineArn(missing)));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.startExecution(b -> b.stateMachineArn(missing)));
        assertThrows(InvalidArnException.class, () -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")));
        assertThrows(InvalidArnException.class, () -> sfn.describeExecution(b -> b.executionArn(arn)));
        InvalidDefinitionException invalid = assertThrows(InvalidDefinitionException.class,
                () -> create("bad", MISSING_TARGET, StateMachineType.EXPRESS));
        assertTrue(invalid.awsErrorDetails().errorMessage().contains("MISSING_TRANSITION_TARGET"), invalid.getMessage());
        assertThrows(StateMachineAlreadyExistsException.class, () -> create("errors", OTHER_PASS, StateMachineType.EXPRESS));
        assertThrows(InvalidNameException.class, () -> create("no spaces", PASS, StateMachineType.EXPRESS));
        String noExecution = standard.replace(":stateMachine:", ":execution:") + ":nothing";
        assertThrows(ExecutionDoesNotExistException.class, () -> sfn.describeExecution(b -> b.executionArn(noExecution)));
        assertThrows(InvalidExecutionInputException.class, () -> sfn.startExecution(b -> b.stateMachineArn(arn).input("{")));
        assertThrows(InvalidExecutionInputException.class, () -> sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("[1,")));
        assertThrows(StateMachineTypeNotSupportedException.class, () -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)));
        assertThrows(ValidationException.class, () -> sfn.startExecution(b -> b.stateMachineArn(arn)
                .input("\"" + "x".repeat(256 * 1024) + "\"")));
        assertThrows(ValidationException.class, () -> sfn.listStateMachines(b -> b.maxResults(1001)));
        assertThrows(ActivityDoesNotExistException.class,
                () -> sfn.describeActivity(b -> b.activityArn(arn.replace(":stateMachine:", ":activity:"))));
        assertThrows(InvalidTokenException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken("token").output("{}")));
        assertThrows(ActivityDoesNotExistException.class,
                () -> sfn.getActivityTask(b -> b.activityArn(arn.replace(":stateMachine:", ":activity:"))));
    }

    private String create(String name, String definition, StateMachineType type) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(Sdk.ROLE).type(type))
                .stateMachineArn();
    }

    private Map<String, String> tags(String arn) {
        return sfn.listTagsForResource(b -> b.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    /** DescribeExecution until the execution has ended (bounded). */
    private DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING) {
                return described;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(executionArn + " still running after 10 s");
    }
}
