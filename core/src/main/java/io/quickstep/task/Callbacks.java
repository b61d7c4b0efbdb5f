package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The tasks of one engine that wait for an answer from outside, by task token: activity tasks,
 * handed to workers through {@link #getActivityTask}, and {@code .waitForTaskToken} tasks, whose
 * token the workflow passed on ({@code $$.Task.Token}). Either kind ends when someone answers its
 * token ({@link #sendTaskSuccess}, {@link #sendTaskFailure}), or at its state's time limit, which
 * {@link #sendTaskHeartbeat} pushes back when the state sets HeartbeatSeconds. These are AWS's
 * GetActivityTask, SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat, for a service or an
 * embedding program; every method is safe to call from any thread and none blocks.
 *
 * <p>A waiting task costs an entry here and nothing else: no thread waits for it, and an idle
 * worker's long poll is a future, not a thread. An activity's tasks are handed out once each, in
 * the order they were scheduled, to the workers in the order they asked.
 *
 * <p>The engine's side ({@link #await}, {@link #offer}, {@link #timedOut}, {@link #newToken}) is
 * called by the engine's drivers only.
 */
public final class Callbacks {
    /** Why an answer was refused; AWS's error for each is its {@link #awsError()}. */
    public enum Refusal {
        /** Not a token this engine makes. */
        INVALID_TOKEN("InvalidToken"),
        /** No task waits for it: answered already, its execution ended, or unknown here. */
        TASK_DOES_NOT_EXIST("TaskDoesNotExist"),
        /** Its task ran past its time limit (TimeoutSeconds or HeartbeatSeconds). */
        TASK_TIMED_OUT("TaskTimedOut");

        private final String awsError;

        Refusal(String awsError) {
            this.awsError = awsError;
        }

        /** AWS's error code for it. */
        public String awsError() {
            return awsError;
        }
    }

    /** An answer for a token that no task can take; {@link #refusal()} says why. */
    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** An activity task as a worker gets it: the token to answer with and the task's input. */
    public record ActivityTask(String taskToken, JsonNode input) {
    }

    /**
     * What {@link TaskHandlers} resolves an activity's ARN to when no handler is registered for it:
     * the activity's workers answer the task. Only the engine's drivers can call it.
     */
    public static final TaskHandler WORKERS = new TaskHandler() {
        @Override
        public JsonNode invoke(TaskRequest request) {
            throw new ExecutionFailure(io.quickstep.error.StatesErrors.TASK_FAILED, "The activity "
                    + request.resource() + " is answered by its workers, which only an engine's executions reach");
        }

        @Override
        public String toString() {
            return "the activity's workers";
        }
    };

    /** Tokens of tasks that timed out, remembered to tell a late answer so (any other is "does not exist"). */
    private static final int TIMED_OUT_REMEMBERED = 65_536;
    private static final String TOKEN_PREFIX = "QSTT";
    private static final Pattern TOKEN = Pattern.compile(TOKEN_PREFIX + "[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, ActivityQueue> activities = new ConcurrentHashMap<>();
    /** Guarded by itself; the oldest are forgotten. */
    private final Set<String> timedOut = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > TIMED_OUT_REMEMBERED;
        }
    });

    // ---- the workers' side ----

    /**
     * The next task of the activity {@code activityArn} for the worker {@code workerName} (null
     * when it gave none): at once when one waits, else when one is scheduled. The future never
     * completes on its own: the caller bounds the poll (AWS answers an empty task after 60
     * seconds: {@code completeOnTimeout(null, ...)}), and cancels it when the worker goes away, so
     * that no task is handed to a worker that is gone.
     */
    public CompletableFuture<ActivityTask> getActivityTask(String activityArn, String workerName) {
        ActivityQueue queue = activities.computeIfAbsent(activityArn, arn -> new ActivityQueue());
        CompletableFuture<ActivityTask> poll = new CompletableFuture<>();
        while (true) {
            Queued task;
            synchronized (queue) {
                task = queue.tasks.poll();
                if (task == null) {
                    Poller poller = new Poller(poll, workerName);
                    queue.pollers.add(poller);
                    poll.whenComplete((given, error) -> {
                        if (given == null) { // timed out or cancelled: forget the poller
                            synchronized (queue) {
                                queue.pollers.remove(poller);
                            }
                        }
                    });
                    return poll;
                }
            }
            if (hand(task, workerName, poll)) {
                return poll;
            }
        }
    }

    /** Answers the task of {@code taskToken} with {@code output}, its result. */
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        if (!find(taskToken).answer.complete(output)) {
            throw refused(taskToken);
        }
    }

    /** Fails the task of {@code taskToken} with {@code error} and {@code cause} (either may be null). */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        ExecutionFailure failure = new ExecutionFailure(error == null ? "" : error, cause);
        if (!find(taskToken).answer.completeExceptionally(failure)) {
            throw refused(taskToken);
        }
    }

    /** Tells the task of {@code taskToken} that its worker is still at it: its heartbeat limit starts over. */
    public void sendTaskHeartbeat(String taskToken) {
        Waiting task = find(taskToken);
        if (task.answer.isDone()) {
            throw refused(taskToken);
        }
        task.heartbeat.run();
    }

    /** Tasks waiting for an answer now, of both kinds. */
    public int waiting() {
        return waiting.size();
    }

    // ---- the engine's side ----

    /** A new token: unguessable, and well-formed for {@link #sendTaskSuccess} and the rest. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return TOKEN_PREFIX + TOKEN_TEXT.encodeToString(bytes);
    }

    /**
     * A task attempt waits for the answer to {@code token}: the returned future completes with it
     * (a failure as an {@link ExecutionFailure}). The engine cancels the future when it stops
     * waiting (its execution ended), or calls {@link #timedOut}; either way the token is closed.
     * {@code heartbeat} is run, on the thread that sent it, for each heartbeat.
     */
    public CompletableFuture<JsonNode> await(String token, Runnable heartbeat) {
        Waiting task = new Waiting(new CompletableFuture<>(), heartbeat);
        waiting.put(token, task);
        task.answer.whenComplete((result, error) -> waiting.remove(token));
        return task.answer;
    }

    /**
     * Puts the task of {@code token} (already {@link #await awaited}) on the activity's queue, or
     * hands it to a worker polling for it; {@code started} is told the worker's name (null when it
     * gave none) before the worker gets the task.
     */
    public void offer(String activityArn, String token, JsonNode input, Consumer<String> started) {
        ActivityQueue queue = activities.computeIfAbsent(activityArn, arn -> new ActivityQueue());
        Queued task = new Queued(token, input, started);
        while (true) {
            Poller poller;
            synchronized (queue) {
                poller = queue.pollers.poll();
                if (poller == null) {
                    queue.tasks.add(task);
                    return;
                }
            }
            if (hand(task, poller.workerName, poller.poll)) {
                return;
            }
            if (!waiting.containsKey(token)) {
                return; // the task ended meanwhile
            }
        }
    }

    /** The task of {@code token} ran past its time limit: it is closed, and late answers are told so. */
    public void timedOut(String token) {
        Waiting task = waiting.get(token);
        synchronized (timedOut) {
            timedOut.add(token);
        }
        if (task != null) {
            task.answer.cancel(false);
        }
    }

    /**
     * Gives a queued task to a poll; false when the task ended meanwhile or the poll is over (then
     * the caller tries the next of either).
     */
    private boolean hand(Queued task, String workerName, CompletableFuture<ActivityTask> poll) {
        if (!waiting.containsKey(task.token) || poll.isDone()) {
            return false;
        }
        task.started.accept(workerName); // before the worker can answer: its start comes first
        return poll.complete(new ActivityTask(task.token, task.input));
    }

    private Waiting find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new RefusedException(Refusal.INVALID_TOKEN, "Invalid token");
        }
        Waiting task = waiting.get(token);
        if (task == null) {
            throw refused(token);
        }
        return task;
    }

    private RefusedException refused(String token) {
        Refusal why;
        synchronized (timedOut) {
            why = timedOut.contains(token) ? Refusal.TASK_TIMED_OUT : Refusal.TASK_DOES_NOT_EXIST;
        }
        return new RefusedException(why, why == Refusal.TASK_TIMED_OUT ? "Task Timed Out: '" + token + "'"
                : "Task does not exist anymore");
    }

    private record Waiting(CompletableFuture<JsonNode> answer, Runnable heartbeat) {
    }

    private record Queued(String token, JsonNode input, Consumer<String> started) {
    }

    private record Poller(CompletableFuture<ActivityTask> poll, String workerName) {
    }

    /** One activity's tasks that no worker has taken, and its workers that wait for one; guarded by itself. */
    private static final class ActivityQueue {
        final ArrayDeque<Queued> tasks = new ArrayDeque<>();
        final ArrayDeque<Poller> pollers = new ArrayDeque<>();
    }
}
