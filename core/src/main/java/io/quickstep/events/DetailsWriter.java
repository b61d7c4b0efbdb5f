package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;

/** Where {@link EventDetails} tells an event's details, field by field, in AWS's order. */
interface DetailsWriter {
    void text(String field, String value);

    void number(String field, long value);

    /**
     * The execution's data with its {@code <field>Details}: {@code input}, {@code output} or
     * {@code assignedVariables}; null stands for JSON null (a state that outputs nothing).
     */
    void data(String field, JsonNode value);

    /** A task's {@code parameters}: data without details. */
    void parameters(JsonNode value);
}
