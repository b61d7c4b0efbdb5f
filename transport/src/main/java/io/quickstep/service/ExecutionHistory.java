package io.quickstep.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The history events of an execution, oldest first, as GetExecutionHistory answers them (AWS's
 * types and fields, with {@code id}, {@code previousEventId} and {@code timestamp}). Today's
 * {@link StartEndHistory} knows only the start and the end; an engine that records every event
 * plugs in here.
 */
interface ExecutionHistory {
    /**
     * @param includeData whether events carry the execution's input and output
     */
    List<ObjectNode> events(ExecutionRecord execution, boolean includeData);
}
