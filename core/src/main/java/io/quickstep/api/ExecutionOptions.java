package io.quickstep.api;

import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.task.Callbacks;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;

/**
 * How one execution runs: where Task states send their calls, which clock it reads, and its name.
 * Fluent setters; every field has a default.
 */
public final class ExecutionOptions {
    private TaskHandler tasks = new TaskHandlers();
    private Clock clock = Clock.SYSTEM;
    private String executionName;
    private Account account = Account.DEFAULT;
    private Callbacks callbacks;

    public static ExecutionOptions defaults() {
        return new ExecutionOptions();
    }

    /** The handler every Task state calls; usually a {@link TaskHandlers} registry. */
    public ExecutionOptions tasks(TaskHandler tasks) {
        this.tasks = tasks;
        return this;
    }

    public ExecutionOptions clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The execution name in ARNs and {@code $$.Execution.Name}; a random UUID when not set. */
    public ExecutionOptions executionName(String executionName) {
        this.executionName = executionName;
        return this;
    }

    /** The region and account the execution's ARNs name; default {@link Account#DEFAULT}. */
    public ExecutionOptions account(Account account) {
        this.account = java.util.Objects.requireNonNull(account, "account");
        return this;
    }

    /**
     * Where the execution's activity and {@code .waitForTaskToken} tasks wait for their answers:
     * workers and callers answer them through the same object ({@link Callbacks#getActivityTask},
     * {@link Callbacks#sendTaskSuccess}, ...). Without one, such a task fails at once with
     * States.TaskFailed, since nobody could answer it.
     */
    public ExecutionOptions callbacks(Callbacks callbacks) {
        this.callbacks = callbacks;
        return this;
    }

    /** Its {@link #callbacks(Callbacks)}, or null. */
    public Callbacks callbacks() {
        return callbacks;
    }

    public Account account() {
        return account;
    }

    public TaskHandler tasks() {
        return tasks;
    }

    public Clock clock() {
        return clock;
    }

    public String executionName() {
        return executionName;
    }
}
