package io.quickstep.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Quickstep server's counters of one state machine, read off its {@code GET /metrics}: the
 * executions that ended and the states they entered. Two readings, before and after a run, give the
 * states an execution enters on average, which Standard workflows are billed by.
 *
 * @param ended       executions of the machine that ended, by any status
 * @param transitions states its executions entered
 */
record ServerCounters(long ended, long transitions) {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern SAMPLE = Pattern.compile(
            "^quickstep_(executions_ended|state_transitions)_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

    /**
     * The counters of {@code stateMachine} (its name) at {@code url}: zero before its first execution;
     * null when the server has no {@code /metrics} (the baseline server) or cannot be read.
     */
    static ServerCounters read(URI url, String stateMachine) {
        String text;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(url.resolve("/metrics")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            text = response.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return parse(text, stateMachine);
    }

    /** The counters of {@code stateMachine} in Prometheus text, zero where it has none. */
    static ServerCounters parse(String metrics, String stateMachine) {
        String label = "state_machine=\"" + stateMachine + "\"";
        long ended = 0;
        long transitions = 0;
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            if (!sample.group(2).contains(label)) {
                continue;
            }
            long value = (long) Double.parseDouble(sample.group(3));
            if ("executions_ended".equals(sample.group(1))) {
                ended += value;
            } else {
                transitions += value;
            }
        }
        return new ServerCounters(ended, transitions);
    }

    /** States entered per execution between {@code before} and this reading; NaN when none ended. */
    double transitionsPerExecutionSince(ServerCounters before) {
        long executions = ended - before.ended;
        return executions <= 0 ? Double.NaN : (double) (transitions - before.transitions) / executions;
    }
}
