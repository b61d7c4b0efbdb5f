package io.quickstep.task;

/**
 * How a Task state's call ends, from its {@code Resource}: when its handler answers (every resource
 * but two), or when someone outside answers with the task's token: an activity's worker, or
 * whoever got the token from a {@code .waitForTaskToken} integration (see {@link Callbacks}).
 */
public enum TaskKind {
    /** The handler's answer is the task's result. */
    CALL,
    /**
     * {@code arn:<partition>:states:::SERVICE:API.waitForTaskToken}: the integration is called, then
     * the task waits for SendTaskSuccess or SendTaskFailure with {@code $$.Task.Token}.
     */
    CALLBACK,
    /**
     * {@code arn:<partition>:states:REGION:ACCOUNT:activity:NAME}: a worker takes the task with
     * GetActivityTask and answers it with its token.
     */
    ACTIVITY;

    private static final String CALLBACK_SUFFIX = ".waitForTaskToken";

    /** The kind of a Resource string. */
    public static TaskKind of(String resource) {
        if (!resource.startsWith("arn:")) {
            return CALL;
        }
        String[] parts = resource.split(":", 7);
        if (parts.length == 7 && parts[2].equals("states")) {
            if (parts[3].isEmpty() && parts[4].isEmpty() && parts[6].endsWith(CALLBACK_SUFFIX)) {
                return CALLBACK;
            }
            if (!parts[3].isEmpty() && !parts[4].isEmpty() && parts[5].equals("activity") && !parts[6].isEmpty()) {
                return ACTIVITY;
            }
        }
        return CALL;
    }

    /** The integration a {@code .waitForTaskToken} resource calls: the resource without the suffix. */
    static String integrationOf(String callbackResource) {
        return callbackResource.substring(0, callbackResource.length() - CALLBACK_SUFFIX.length());
    }
}
