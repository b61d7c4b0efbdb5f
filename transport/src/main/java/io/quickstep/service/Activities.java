package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.task.Callbacks;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The activity records (CreateActivity, DescribeActivity, ListActivities, DeleteActivity) and their
 * workers' long poll, GetActivityTask: answered at once when a task waits, else when one comes, or
 * with no task after the poll's time (AWS's 60 seconds). A waiting poll holds no thread: it is a
 * future in the engine's {@link Callbacks}, cancelled if its connection closes first.
 */
final class Activities {
    /** AWS's limit on a worker's name. */
    private static final int MAX_WORKER_NAME = 80;

    private final Registry registry;
    private final Callbacks callbacks;
    private final long pollMillis;

    Activities(Registry registry, Callbacks callbacks, long pollMillis) {
        this.registry = registry;
        this.callbacks = callbacks;
        this.pollMillis = pollMillis;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateActivity", StepFunctionsService.sync(this::create));
        operations.put("DescribeActivity", StepFunctionsService.sync(this::describe));
        operations.put("DeleteActivity", StepFunctionsService.sync(this::delete));
        operations.put("ListActivities", StepFunctionsService.sync(
                request -> Pages.page(request, registry.activities(), "activities", Activity::summary)));
        operations.put("GetActivityTask", this::getTask);
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

    private CompletionStage<JsonNode> getTask(Request request) {
        String arn = request.string("activityArn");
        existing(arn);
        String worker = request.optionalString("workerName", MAX_WORKER_NAME);
        CompletableFuture<Callbacks.ActivityTask> poll = callbacks.getActivityTask(arn, worker)
                .completeOnTimeout(null, pollMillis, TimeUnit.MILLISECONDS);
        CompletableFuture<JsonNode> answer = poll.thenApply(Activities::answer);
        // The connection cancels the answer when its client goes away: the poll ends with it, so
        // that no task is handed to a worker that is gone.
        answer.whenComplete((given, error) -> {
            if (error instanceof CancellationException) {
                poll.cancel(false);
            }
        });
        return answer;
    }

    /** GetActivityTask's answer: the task's token and input, or neither when the poll ended without one. */
    private static JsonNode answer(Callbacks.ActivityTask task) {
        ObjectNode answer = Json.NODES.objectNode();
        if (task != null) {
            answer.put("taskToken", task.taskToken());
            answer.put("input", Json.write(task.input()));
        }
        return answer;
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
