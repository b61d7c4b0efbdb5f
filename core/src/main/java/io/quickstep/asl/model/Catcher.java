package io.quickstep.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One Catch rule: the errors it matches, where the error output goes, and the state to go to. */
public record Catcher(List<String> errorEquals, String resultPath, String next, JsonNode output, JsonNode assign) {
}
