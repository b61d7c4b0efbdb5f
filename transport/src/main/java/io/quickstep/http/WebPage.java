package io.quickstep.http;

/**
 * One answer of {@link WebPages}: an HTTP status, the content type and the body's bytes.
 *
 * @param contentType with its charset where the body is text ({@code text/html; charset=utf-8})
 */
public record WebPage(int status, String contentType, byte[] body) {
    public WebPage {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100..599, was " + status);
        }
    }
}
