package io.quickstep.execution;

/**
 * An Express execution's ARN, {@code arn:aws:states:REGION:ACCOUNT:express:MACHINE:NAME:ID}: built
 * and taken apart here only. The id makes each execution's ARN its own, even when names repeat.
 */
public record ExecutionArn(Account account, String stateMachine, String name, String id) {
    private static final String PREFIX = "arn:aws:states:";

    /** A new ARN for an execution of this name, with a random id. */
    public static ExecutionArn random(Account account, String stateMachine, String name) {
        return new ExecutionArn(account, stateMachine, name, ExecutionIds.random());
    }

    /**
     * The parts of an Express execution ARN; null when the text is not one (a Standard execution's
     * ARN, another service's, a malformed one).
     */
    public static ExecutionArn parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 9 || !parts[5].equals("express")) {
            return null;
        }
        try {
            return new ExecutionArn(new Account(parts[3], parts[4]), parts[6], parts[7], parts[8]);
        } catch (IllegalArgumentException notAnAccount) {
            return null;
        }
    }

    @Override
    public String toString() {
        return PREFIX + account.region() + ":" + account.id() + ":express:" + stateMachine + ":" + name + ":" + id;
    }
}
