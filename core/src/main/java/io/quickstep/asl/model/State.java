package io.quickstep.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One state of a definition. The fields every state type may carry are here; the type-specific
 * ones are in {@link #details()}. Paths keep the ASL convention: a field that is absent holds its
 * default ({@code "$"}), a field set to JSON null holds {@code null}.
 *
 * @param name        the state's name, unique within the definition
 * @param type        the ASL type, e.g. {@code Task}
 * @param queryLanguage {@code JSONPath} or {@code JSONata}, inherited from the machine when absent
 * @param next        the next state's name, or null when the state ends the machine or branches itself
 * @param end         true for {@code "End": true}
 * @param inputPath   InputPath ({@code "$"} when absent, null for JSON null)
 * @param parameters  Parameters (JSONPath) or Arguments (JSONata) template, or null
 * @param resultSelector ResultSelector template, or null
 * @param resultPath  ResultPath ({@code "$"} when absent, null for JSON null: discard the result)
 * @param outputPath  OutputPath ({@code "$"} when absent, null for JSON null)
 * @param output      the JSONata Output template, or null
 * @param assign      the Assign object, or null
 * @param retry       Retry rules, in order
 * @param catchers    Catch rules, in order
 * @param details     the type-specific fields
 */
public record State(String name, String type, String queryLanguage, String next, boolean end,
                    String inputPath, JsonNode parameters, JsonNode resultSelector, String resultPath,
                    String outputPath, JsonNode output, JsonNode assign,
                    List<Retrier> retry, List<Catcher> catchers, StateDetails details) {

    public boolean isJsonata() {
        return "JSONata".equals(queryLanguage);
    }
}
