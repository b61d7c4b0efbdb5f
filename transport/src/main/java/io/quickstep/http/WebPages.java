package io.quickstep.http;

import java.util.concurrent.CompletionStage;

/**
 * Read-only pages the ingress serves at {@code GET /ui} and below: the live view of {@code serve}.
 * Who may read them is the ingress's business ({@link WebUi}); what they are is this one's.
 */
public interface WebPages {
    /**
     * The answer to {@code GET uri}, the path and query as sent ({@code /ui/api/live?x=1}). Called
     * on an event loop, so it must not block: work that takes time (a diagram's layout, reading
     * executions) goes to a thread of the implementation's own; the stage may complete on any
     * thread. A failure other than an {@link io.quickstep.service.AwsException} is answered as the
     * server's fault (HTTP 500, logged).
     */
    CompletionStage<WebPage> get(String uri);
}
