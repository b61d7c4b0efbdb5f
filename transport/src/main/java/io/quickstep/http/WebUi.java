package io.quickstep.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The live view as the ingress serves it: its {@link WebPages} at {@code GET /ui} and below, and
 * who may read them. Without authentication, anyone who may call the API (the bind rules of
 * {@link Exposure}). With SigV4 authentication a browser cannot sign its requests, so a page
 * request is served when it is signed as an API request is, or when it carries the server's page
 * token: the {@code token} query parameter of the address {@code serve} prints, which the answer
 * then sets as a cookie ({@code HttpOnly}, {@code SameSite=Strict}, path {@code /ui}) for the
 * page's own requests.
 */
public final class WebUi {
    static final String PATH = "/ui";
    static final String COOKIE = "quickstep-ui";
    private static final String TOKEN_PARAMETER = "token";
    private static final int TOKEN_BYTES = 16;

    private final WebPages pages;
    private final byte[] token;

    /** @param token what a page request must carry when the server authenticates requests; null for none */
    public WebUi(WebPages pages, String token) {
        this.pages = pages;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** A token no one can guess: 128 random bits, in hex. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    WebPages pages() {
        return pages;
    }

    /** Whether {@code uri} is a page's: {@code /ui}, or below it. */
    static boolean serves(String uri) {
        if (!uri.startsWith(PATH)) {
            return false;
        }
        return uri.length() == PATH.length() || uri.charAt(PATH.length()) == '/' || uri.charAt(PATH.length()) == '?';
    }

    /** Whether the request carries the token in its query (then the answer sets the cookie). */
    boolean tokenInQuery(HttpRequest request) {
        List<String> values = new QueryStringDecoder(request.uri()).parameters().get(TOKEN_PARAMETER);
        return values != null && values.size() == 1 && matches(values.get(0));
    }

    /** Whether the request carries the token, in its query or its cookie. */
    boolean tokenIn(HttpRequest request) {
        if (tokenInQuery(request)) {
            return true;
        }
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return false;
        }
        for (Cookie cookie : ServerCookieDecoder.STRICT.decodeAll(header)) {
            if (cookie.name().equals(COOKIE) && matches(cookie.value())) {
                return true;
            }
        }
        return false;
    }

    /** The header that keeps the token in the browser. */
    String setCookie() {
        return COOKIE + "=" + new String(token, StandardCharsets.UTF_8) + "; Path=" + PATH + "; HttpOnly; SameSite=Strict";
    }

    private boolean matches(String candidate) {
        // In constant time, so that the answer's timing tells nothing of the token.
        return token != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
