package io.quickstep.execution;

import java.util.regex.Pattern;

/**
 * The AWS region and account that the ARNs an engine makes name (execution and state machine
 * ARNs, {@code $$.Execution.RoleArn}). Nothing is sent to AWS; these only have to look like what
 * AWS would give, and may be set to match the account a workflow is tested for.
 *
 * @param region a region name such as {@code us-east-1}
 * @param id     a 12-digit account id
 */
public record Account(String region, String id) {
    // Before DEFAULT, which is checked against them.
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ID = Pattern.compile("\\d{12}");
    /** What ARNs name unless told otherwise: AWS's documentation's example account. */
    public static final Account DEFAULT = new Account("us-east-1", "123456789012");

    public Account {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1, was " + region);
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("account id must be 12 digits, was " + id);
        }
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME}. */
    public String stateMachineArn(String stateMachineName) {
        return "arn:aws:states:" + region + ":" + id + ":stateMachine:" + stateMachineName;
    }

    /** The role executions run as, {@code arn:aws:iam::ACCOUNT:role/quickstep}. */
    public String roleArn() {
        return "arn:aws:iam::" + id + ":role/quickstep";
    }
}
