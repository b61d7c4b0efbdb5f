package io.quickstep.asl.validation;

import java.util.HashMap;
import java.util.Map;

/**
 * The optimized service integrations AWS offers ({@code arn:aws:states:::service:api[.pattern]}),
 * from its list of optimized integrations. A service missing here is not judged (AWS adds
 * integrations over time; refusing a real one would break a working machine); AWS SDK integrations
 * ({@code aws-sdk:service:api}) are checked for their pattern only.
 */
final class Integrations {
    /** How the state waits for the service, written as a suffix of the API name. */
    enum Pattern {
        REQUEST_RESPONSE("", 'R'),
        SYNC(".sync", 'S'),
        SYNC2(".sync:2", '2'),
        TOKEN(".waitForTaskToken", 'T');

        final String suffix;
        private final char letter;

        Pattern(String suffix, char letter) {
            this.suffix = suffix;
            this.letter = letter;
        }

        static Pattern of(String api) {
            for (Pattern pattern : new Pattern[] {SYNC2, SYNC, TOKEN}) {
                if (api.endsWith(pattern.suffix)) {
                    return pattern;
                }
            }
            return REQUEST_RESPONSE;
        }
    }

    private static final String SDK = "aws-sdk";

    /** Service to API to the patterns it offers, by {@link Pattern} letter. */
    private static final Map<String, Map<String, String>> SERVICES = new HashMap<>();

    static {
        service("lambda", "invoke:RT");
        service("batch", "submitJob:RS");
        service("dynamodb", "getItem:R putItem:R updateItem:R deleteItem:R");
        service("ecs", "runTask:RST");
        service("eks", "createCluster:RS deleteCluster:RS createFargateProfile:RS deleteFargateProfile:RS"
                + " createNodegroup:RS deleteNodegroup:RS runJob:RS call:R");
        service("sns", "publish:RT");
        service("sqs", "sendMessage:RT");
        service("glue", "startJobRun:RS");
        service("databrew", "startJobRun:RS");
        service("athena", "startQueryExecution:RS stopQueryExecution:R getQueryExecution:R getQueryResults:R");
        service("codebuild", "startBuild:RS stopBuild:R batchDeleteBuilds:R batchGetReports:R startBuildBatch:RS"
                + " stopBuildBatch:R retryBuildBatch:RS deleteBuildBatch:R");
        service("elasticmapreduce", "createCluster:RS terminateCluster:RS addStep:RS cancelStep:R"
                + " setClusterTerminationProtection:R modifyInstanceFleetByName:R modifyInstanceGroupByName:R");
        service("emr-containers", "startJobRun:RS createVirtualCluster:R deleteVirtualCluster:RS");
        service("emr-serverless", "createApplication:RS startApplication:RS stopApplication:RS"
                + " deleteApplication:RS startJobRun:RS cancelJobRun:RS");
        service("sagemaker", "createTrainingJob:RS createTransformJob:RS createProcessingJob:RS"
                + " createHyperParameterTuningJob:RS createLabelingJob:RS createModel:R createEndpoint:R"
                + " createEndpointConfig:R updateEndpoint:R");
        service("states", "startExecution:RS2T");
        service("apigateway", "invoke:RT");
        service("events", "putEvents:RT");
        service("mediaconvert", "createJob:RS");
        service("bedrock", "invokeModel:R createModelCustomizationJob:RS");
        service("http", "invoke:R");
    }

    private Integrations() {
    }

    private static void service(String name, String apis) {
        Map<String, String> patterns = new HashMap<>();
        for (String api : apis.split(" ")) {
            String[] parts = api.split(":");
            patterns.put(parts[0], parts[1]);
        }
        SERVICES.put(name, patterns);
    }

    /** Whether AWS offers {@code api} of {@code service} with {@code pattern}; see the class comment. */
    static boolean offers(String service, String api, Pattern pattern) {
        if (service.equals(SDK)) {
            return pattern == Pattern.REQUEST_RESPONSE || pattern == Pattern.TOKEN;
        }
        Map<String, String> apis = SERVICES.get(service);
        if (apis == null) {
            return true;
        }
        String patterns = apis.get(api);
        return patterns != null && patterns.indexOf(pattern.letter) >= 0;
    }
}
