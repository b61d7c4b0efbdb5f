package io.quickstep.api;

import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
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
