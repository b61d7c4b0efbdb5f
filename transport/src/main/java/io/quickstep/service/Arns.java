package io.quickstep.service;

import io.quickstep.execution.Account;
import io.quickstep.execution.ExecutionArn;

/**
 * The Step Functions ARNs of one account and region: made here, and checked here when a request
 * names one ({@code arn:aws:states:REGION:ACCOUNT:KIND:...}). A state machine's version is
 * {@code ...:stateMachine:NAME:N}, an alias {@code ...:stateMachine:NAME:ALIAS}; a Standard
 * execution {@code ...:execution:MACHINE:NAME}, an Express one {@code ...:express:MACHINE:NAME:ID}.
 */
final class Arns {
    static final String STATE_MACHINE = "stateMachine";
    static final String EXECUTION = "execution";
    static final String EXPRESS = "express";
    static final String ACTIVITY = "activity";
    private static final String PREFIX = "arn:aws:states:";

    private final Account account;
    private final String base;

    Arns(Account account) {
        this.account = account;
        this.base = PREFIX + account.region() + ":" + account.id() + ":";
    }

    Account account() {
        return account;
    }

    String stateMachine(String name) {
        return base + STATE_MACHINE + ":" + name;
    }

    /** A version's or an alias's ARN: the state machine's, qualified. */
    static String qualified(String stateMachineArn, String qualifier) {
        return stateMachineArn + ":" + qualifier;
    }

    String activity(String name) {
        return base + ACTIVITY + ":" + name;
    }

    String execution(boolean standard, String stateMachineName, String executionName) {
        return standard ? base + EXECUTION + ":" + stateMachineName + ":" + executionName
                : ExecutionArn.random(account, stateMachineName, executionName).toString();
    }

    /**
     * The parts after the resource type of an ARN of one of {@code kinds} in this account and
     * region, or AWS's InvalidArn saying what is wrong with it.
     */
    String[] parse(String text, String... kinds) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw AwsErrors.invalidArn("Invalid ARN prefix: " + text);
        }
        String[] parts = text.split(":", -1);
        if (parts.length < 7) {
            throw AwsErrors.invalidArn("Invalid ARN: " + text);
        }
        if (!parts[3].equals(account.region()) || !parts[4].equals(account.id())) {
            throw AwsErrors.invalidArn(text + " names region " + parts[3] + " and account " + parts[4]
                    + ", but this endpoint serves region " + account.region() + " and account " + account.id());
        }
        String[] rest = java.util.Arrays.copyOfRange(parts, 6, parts.length);
        for (String kind : kinds) {
            if (kind.equals(parts[5]) && rest.length == expectedParts(kind, rest.length)) {
                return rest;
            }
        }
        throw AwsErrors.invalidArn("Resource type not valid in this context: " + parts[5]
                + " (expected an ARN of " + String.join(" or ", kinds) + ")");
    }

    /** The kind of an ARN that {@link #parse} accepted. */
    static String kind(String arn) {
        return arn.split(":", 7)[5];
    }

    private static int expectedParts(String kind, int actual) {
        return switch (kind) {
            case STATE_MACHINE -> actual == 2 ? 2 : 1; // a name, or a name and a version or alias
            case EXECUTION -> 2;
            case EXPRESS -> 3;
            default -> 1;
        };
    }
}
