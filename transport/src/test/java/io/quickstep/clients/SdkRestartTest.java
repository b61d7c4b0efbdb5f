package io.quickstep.clients;

import io.quickstep.api.Engine;
import io.quickstep.service.StepFunctionsService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with a data directory, closed and started again on the same directory: through the
 * AWS SDK, the new server has the state machines, their versions, aliases and tags, and runs them.
 */
class SdkRestartTest {
    private static final String V1 = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "one", "End": true}}}""";
    private static final String V2 = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "two", "End": true}}}""";

    @TempDir
    Path dataDir;

    @Test
    void aNewServerOnTheSameDataDirectorySeesWhatTheOldOneMade() {
        String arn;
        String alias;
        DescribeStateMachineResponse before;
        try (LocalServer first = start(); SfnClient sfn = Sdk.client(first.endpoint())) {
            arn = sfn.createStateMachine(b -> b.name("kept").definition(V1).roleArn(Sdk.ROLE)
                    .type(StateMachineType.EXPRESS).publish(true)
                    .tags(Tag.builder().key("owner").value("restart").build())).stateMachineArn();
            sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(V2).publish(true));
            alias = sfn.createStateMachineAlias(b -> b.name("stable")
                    .routingConfiguration(r -> r.stateMachineVersionArn(arn + ":1").weight(100))).stateMachineAliasArn();
            before = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        }
        try (LocalServer second = start(); SfnClient sfn = Sdk.client(second.endpoint())) {
            DescribeStateMachineResponse after = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
            assertTrue(before.equalsBySdkFields(after), before + " then " + after); // definition, revision, dates...
            assertEquals(List.of(arn + ":2", arn + ":1"), sfn.listStateMachineVersions(b -> b.stateMachineArn(arn))
                    .stateMachineVersions().stream().map(v -> v.stateMachineVersionArn()).toList());
            assertEquals(arn + ":1", sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias))
                    .routingConfiguration().get(0).stateMachineVersionArn());
            assertEquals(Map.of("owner", "restart"), sfn.listTagsForResource(b -> b.resourceArn(arn)).tags().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value)));
            assertEquals("\"one\"", sfn.startSyncExecution(b -> b.stateMachineArn(alias)).output());
            assertEquals("\"two\"", sfn.startSyncExecution(b -> b.stateMachineArn(arn)).output());
        }
    }

    private LocalServer start() {
        return LocalServer.start(new Engine.Context().shards(1), new StepFunctionsService.Settings().dataDirectory(dataDir));
    }
}
