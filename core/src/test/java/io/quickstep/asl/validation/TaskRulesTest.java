package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.express;
import static io.quickstep.asl.validation.Validation.oneJsonataState;
import static io.quickstep.asl.validation.Validation.oneState;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

class TaskRulesTest {
    private static String task(String resource, String members) {
        return oneState("{\"Type\": \"Task\", \"Resource\": \"" + resource + "\", " + members + " \"End\": true}");
    }

    @Test
    void aTaskNeedsAResourceArn() {
        assertDiagnostics(standard(oneState("{\"Type\": \"Task\", \"End\": true}")),
                schema("These fields are required: [Resource]", "/States/S"));
        assertDiagnostics(standard(task("my-function", "")),
                schema("Value is not a valid resource ARN", "/States/S/Resource"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:lambda:us-east-1:111111111111:function:<lambda_function_name>",
        "arn:aws:states:us-east-1:111111111111:activity:work", "arn:aws:states:::lambda:invoke",
        "arn:aws:states:::lambda:invoke.waitForTaskToken", "arn:aws:states:::states:startExecution.sync:2",
        "arn:aws:states:::ecs:runTask.sync", "arn:aws:states:::aws-sdk:dynamodb:query",
        "arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken", "arn:aws:states:::some-new-service:call",
        "arn:aws-cn:states:::dynamodb:getItem"})
    void acceptsKnownAndUnjudgedResources(String resource) {
        assertValid(standard(task(resource, "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:states:::dynamodb:query", "arn:aws:states:::lambda:invoke.sync",
        "arn:aws:states:::sns:publish.sync:2", "arn:aws:states:::aws-sdk:s3:getObject.sync",
        "arn:aws:states:::batch:submitJob.waitForTaskToken"})
    void refusesIntegrationsAwsDoesNotOffer(String resource) {
        assertDiagnostics(standard(task(resource, "")), schema("The resource provided " + resource
                + " is not recognized. The value is not a valid resource ARN, or the resource is not available in"
                + " this region.", "/States/S/Resource"));
    }

    @Test
    void expressMachinesRefuseSyncAndCallbackIntegrations() {
        assertDiagnostics(express(task("arn:aws:states:::states:startExecution.sync:2", "")),
                schema("Express state machine does not support '.sync' service integration", "/States/S/Resource"));
        assertDiagnostics(express(task("arn:aws:states:::lambda:invoke.waitForTaskToken", "")),
                schema("Express state machine does not support '.waitForTaskToken' service integration ",
                        "/States/S/Resource"));
        assertValid(express(task("arn:aws:states:::lambda:invoke", "")));
    }

    @Test
    void timeouts() {
        String lambda = "arn:aws:states:::lambda:invoke";
        assertValid(standard(task(lambda, "\"TimeoutSeconds\": 99999999, \"HeartbeatSecondsPath\": \"$.h\",")));
        assertDiagnostics(standard(task(lambda, """
                "TimeoutSeconds": 0, "TimeoutSecondsPath": "$.t", "HeartbeatSeconds": "{% 5 %}",""")),
                schema("There should only be one of the following fields: [TimeoutSeconds, TimeoutSecondsPath]",
                        "/States/S/TimeoutSeconds"),
                schema("Minimum value is 1", "/States/S/TimeoutSeconds"),
                schema("Expected value of type Integer", "/States/S/HeartbeatSeconds"));
        assertDiagnostics(standard(task(lambda, "\"TimeoutSeconds\": 100000000, \"HeartbeatSecondsPath\": \"h\",")),
                schema("Maximum value is 99999999", "/States/S/TimeoutSeconds"),
                schema("Value must be a valid JSONPath.", "/States/S/HeartbeatSecondsPath"));
        assertValid(standard(oneJsonataState("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "{% $t %}",
                 "HeartbeatSeconds": 5, "End": true}""")));
    }

    @Test
    void credentialsNameARole() {
        String lambda = "arn:aws:states:::lambda:invoke";
        assertValid(standard(task(lambda, "\"Credentials\": {\"RoleArn\": \"arn:aws:iam::1:role/r\"},")));
        assertValid(standard(task(lambda, "\"Credentials\": {\"RoleArn.$\": \"$.role\"},")));
        assertDiagnostics(standard(task(lambda, "\"Credentials\": {\"RoleArn.$\": \"role\"},")),
                schema("The value for the field 'RoleArn.$' must be a valid JSONPath or a valid intrinsic function"
                        + " call", "/States/S/Credentials/RoleArn.$"));
        assertDiagnostics(standard(task(lambda, "\"Credentials\": {\"RoleArn\": 1},")),
                schema("Expected value of type [STRING]", "/States/S/Credentials/RoleArn"));
        assertDiagnostics(standard(task(lambda, "\"Credentials\": \"role\",")),
                schema("Expected value of type [OBJECT]", "/States/S/Credentials"));
        assertDiagnostics(standard(oneJsonataState("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Credentials": {"RoleArn.$": "$.r"},
                 "End": true}""")),
                schema("The field 'RoleArn' is required but was missing", "/States/S/Credentials"));
    }
}
