package io.quickstep.asl.model;

import java.util.List;

/** One Retry rule. Defaults as in the ASL spec: 1 s interval, 3 attempts, back-off rate 2.0. */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, String jitterStrategy) {
}
