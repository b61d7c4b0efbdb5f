package io.quickstep.jmh.codec;

/** The request envelope as databind fills it: a bean, so that Afterburner and Blackbird speed up its setters. */
public final class RequestBean {
    private String stateMachineArn;
    private String name;
    private String input;
    private String traceHeader;

    public String getStateMachineArn() {
        return stateMachineArn;
    }

    public void setStateMachineArn(String stateMachineArn) {
        this.stateMachineArn = stateMachineArn;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = input;
    }

    public String getTraceHeader() {
        return traceHeader;
    }

    public void setTraceHeader(String traceHeader) {
        this.traceHeader = traceHeader;
    }
}
