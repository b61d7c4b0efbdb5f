package io.quickstep.jmh.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A successful StartSyncExecution answer, with AWS's member names and types. A bean (getters) rather
 * than a record so that Afterburner and Blackbird, which speed up getters, serialise it as they would
 * the server's class; the hand-written codecs read the same getters.
 */
@JsonPropertyOrder({"executionArn", "stateMachineArn", "name", "startDate", "stopDate", "status", "output",
        "outputDetails", "input", "inputDetails", "billingDetails"})
public final class StartSyncAnswer {
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final String executionArn;
    private final String stateMachineArn;
    private final String name;
    private final long startMillis;
    private final long stopMillis;
    private final String output;
    private final String input;
    private final Billing billingDetails;

    /**
     * @param output the execution's output as JSON text (the engine's tree written with
     *               {@code Json.write}, the same work for every codec, so not measured here)
     * @param input  the input text as the request carried it
     */
    public StartSyncAnswer(String executionArn, String stateMachineArn, String name, long startMillis,
                           long stopMillis, String output, String input, Billing billingDetails) {
        this.executionArn = executionArn;
        this.stateMachineArn = stateMachineArn;
        this.name = name;
        this.startMillis = startMillis;
        this.stopMillis = stopMillis;
        this.output = output;
        this.input = input;
        this.billingDetails = billingDetails;
    }

    public String getExecutionArn() {
        return executionArn;
    }

    public String getStateMachineArn() {
        return stateMachineArn;
    }

    public String getName() {
        return name;
    }

    /** Epoch seconds with a fraction, as AWS writes timestamps and the SDKs read them. */
    public double getStartDate() {
        return startMillis / MILLIS_PER_SECOND;
    }

    public double getStopDate() {
        return stopMillis / MILLIS_PER_SECOND;
    }

    public String getStatus() {
        return "SUCCEEDED";
    }

    public String getOutput() {
        return output;
    }

    public Details getOutputDetails() {
        return Details.INCLUDED;
    }

    public String getInput() {
        return input;
    }

    public Details getInputDetails() {
        return Details.INCLUDED;
    }

    public Billing getBillingDetails() {
        return billingDetails;
    }

    /** {@code outputDetails} and {@code inputDetails}: whether the data is in the answer. */
    public static final class Details {
        static final Details INCLUDED = new Details();

        public boolean isIncluded() {
            return true;
        }
    }

    /** {@code billingDetails}. */
    public static final class Billing {
        private final long billedMemoryUsedInMB;
        private final long billedDurationInMilliseconds;

        public Billing(long billedMemoryUsedInMB, long billedDurationInMilliseconds) {
            this.billedMemoryUsedInMB = billedMemoryUsedInMB;
            this.billedDurationInMilliseconds = billedDurationInMilliseconds;
        }

        public long getBilledMemoryUsedInMB() {
            return billedMemoryUsedInMB;
        }

        public long getBilledDurationInMilliseconds() {
            return billedDurationInMilliseconds;
        }
    }
}
