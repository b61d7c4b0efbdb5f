package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.Map;

/**
 * The activity records: CreateActivity, DescribeActivity, ListActivities, DeleteActivity. Running
 * activity tasks (GetActivityTask, SendTask*) is not supported yet; GetActivityTask checks its ARN
 * and then says so.
 */
final class Activities {
    private final Registry registry;

    Activities(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateActivity", StepFunctionsService.sync(this::create));
        operations.put("DescribeActivity", StepFunctionsService.sync(this::describe));
        operations.put("DeleteActivity", StepFunctionsService.sync(this::delete));
        operations.put("ListActivities", StepFunctionsService.sync(
                request -> Pages.page(request, registry.activities(), "activities", Activity::summary)));
        operations.put("GetActivityTask", StepFunctionsService.sync(this::getTask));
    }

    private JsonNode create(Request request) {
        String name = Names.check(request.string("name"));
        Map<String, String> tags = Tags.read(request.list("tags"));
        String arn = registry.arns.activity(name);
        synchronized (registry) {
            Activity activity = registry.activity(arn);
            if (activity == null) { // creating an existing activity answers it, as AWS does
                activity = new Activity(name, arn, registry.now());
                Tags.add(activity.tags, tags, arn);
                registry.saved(activity);
            }
            ObjectNode answer = Json.NODES.objectNode();
            answer.put("activityArn", arn);
            answer.set("creationDate", Dates.epochSeconds(activity.creationMillis));
            return answer;
        }
    }

    private JsonNode describe(Request request) {
        ObjectNode answer = existing(request.string("activityArn")).summary();
        answer.putObject("encryptionConfiguration").put("type", "AWS_OWNED_KEY");
        return answer;
    }

    private JsonNode delete(Request request) {
        String arn = request.string("activityArn");
        registry.arns.parse(arn, Arns.ACTIVITY);
        synchronized (registry) {
            Activity activity = registry.activity(arn);
            if (activity != null) {
                registry.deleted(activity);
            }
        }
        return Json.NODES.objectNode();
    }

    private JsonNode getTask(Request request) {
        existing(request.string("activityArn"));
        throw StepFunctionsService.notSupported("GetActivityTask");
    }

    private Activity existing(String arn) {
        registry.arns.parse(arn, Arns.ACTIVITY);
        Activity activity = registry.activity(arn);
        if (activity == null) {
            throw AwsErrors.activityDoesNotExist(arn);
        }
        return activity;
    }
}
