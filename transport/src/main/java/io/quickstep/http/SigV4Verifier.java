package io.quickstep.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quickstep.service.AwsException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Verifies each request's AWS Signature Version 4 ({@code serve --auth sigv4}) against the
 * {@link AccessKeys} of a credentials file, the way AWS does: the credential scope must name the
 * request's day, this server's region and the {@code states} service; {@code X-Amz-Date} must be
 * within five minutes of the server's clock; the access key must be known (and its session token,
 * if it has one, sent); and the signature must be the one the server computes.
 *
 * <p>The server computes it with the AWS SDK's signer, never with crypto of its own: it rebuilds
 * the request from the headers the client says it signed, signs it with the key's secret at the
 * client's {@code X-Amz-Date}, and compares the two signatures in constant time. The signer is the
 * SDK's {@link Aws4Signer}, deprecated in favour of {@code AwsV4HttpSigner} but kept here on
 * purpose: {@code AwsV4HttpSigner} always adds and signs an {@code x-amz-content-sha256} header,
 * which the AWS CLI, boto3 and most SDKs other than Java's neither send nor sign, so it cannot
 * reproduce their signatures; {@link Aws4Signer} signs exactly the headers it is given.
 *
 * <p>Thread-safe; called on the event loops, so the check never blocks (the SDK signer caches
 * each day's signing key, so a request costs a SHA-256 of its body and a few HMACs).
 */
@SuppressWarnings("deprecation") // Aws4Signer: see above
public final class SigV4Verifier {
    /** The signing name of AWS Step Functions. */
    static final String SERVICE = "states";
    static final String TERMINATOR = "aws4_request";
    /** How far a request's X-Amz-Date may be from the server's clock, either way (AWS's limit). */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String X_AMZ_DATE = "X-Amz-Date";
    private static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Aws4Signer SIGNER = Aws4Signer.create();

    private final AccessKeys keys;
    private final String region;
    private final Clock clock;

    /** @param region the region requests must be signed for: the one of the server's ARNs */
    public SigV4Verifier(AccessKeys keys, String region) {
        this(keys, region, Clock.systemUTC());
    }

    SigV4Verifier(AccessKeys keys, String region, Clock clock) {
        this.keys = keys;
        this.region = region;
        this.clock = clock;
    }

    /** Null when the request is signed with a known key; else AWS's error saying why not. Never throws. */
    AwsException check(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null) {
            return SigV4Errors.missingToken();
        }
        try {
            verify(request, SigV4Authorization.parse(header));
            return null;
        } catch (AwsException refused) {
            return refused;
        } catch (RuntimeException e) { // a request the SDK cannot model (a malformed Host or path): not verifiable
            return SigV4Errors.invalid(SigV4Errors.MISMATCH + " (The request cannot be signed as sent: "
                    + e.getMessage() + ")");
        }
    }

    private void verify(FullHttpRequest request, SigV4Authorization claimed) {
        Instant signedAt = signedAt(request.headers());
        checkScope(claimed, signedAt);
        checkFresh(signedAt);
        AccessKeys.Key key = keys.find(claimed.accessKeyId());
        if (key == null || !sameSecret(key.sessionToken(), request.headers().get(X_AMZ_SECURITY_TOKEN))) {
            throw SigV4Errors.unrecognizedClient();
        }
        SigV4Authorization computed = sign(request, claimed, key, signedAt);
        if (!sameSecret(computed.signature(), claimed.signature())) {
            throw SigV4Errors.invalid(computed.signedHeaders().equals(claimed.signedHeaders()) ? SigV4Errors.MISMATCH
                    : SigV4Errors.MISMATCH + " (This server signs the headers '" + computed.signedHeaders()
                    + "' where the request names '" + claimed.signedHeaders() + "'.)");
        }
    }

    private static Instant signedAt(HttpHeaders headers) {
        String date = headers.get(X_AMZ_DATE);
        if (date == null) {
            throw SigV4Errors.incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a "
                    + "'Date' header; this server reads X-Amz-Date.");
        }
        try {
            return LocalDateTime.parse(date, BASIC_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw SigV4Errors.incomplete("Date must be in ISO-8601 'basic format'. Got '" + date + "'.");
        }
    }

    private void checkScope(SigV4Authorization claimed, Instant signedAt) {
        String day = BASIC_DATE_TIME.format(signedAt.atOffset(ZoneOffset.UTC)).substring(0, 8);
        if (!claimed.date().equals(day)) {
            throw SigV4Errors.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                    + "from HTTP: '" + claimed.date() + "' != '" + day + "'.");
        }
        if (!claimed.region().equals(region)) {
            throw SigV4Errors.invalid("Credential should be scoped to a valid region, not '" + claimed.region()
                    + "'. This server is " + region + ".");
        }
        if (!claimed.service().equals(SERVICE)) {
            throw SigV4Errors.invalid("Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (!claimed.terminator().equals(TERMINATOR)) {
            throw SigV4Errors.invalid("Credential should be scoped with a valid terminator: '" + TERMINATOR
                    + "', not '" + claimed.terminator() + "'. ");
        }
    }

    private void checkFresh(Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw SigV4Errors.invalid("Signature expired: " + basic(signedAt) + " is now earlier than "
                    + basic(now.minus(MAX_SKEW)) + " (" + basic(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw SigV4Errors.invalid("Signature not yet current: " + basic(signedAt) + " is still later than "
                    + basic(now.plus(MAX_SKEW)) + " (" + basic(now) + " + 5 min.)");
        }
    }

    private static String basic(Instant instant) {
        return BASIC_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The Authorization header the SDK's signer makes for the request as the client says it signed it. */
    private SigV4Authorization sign(FullHttpRequest request, SigV4Authorization claimed, AccessKeys.Key key,
                                    Instant signedAt) {
        SdkHttpFullRequest.Builder signable = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method().name()));
        boolean hostSigned = false;
        for (String name : claimed.signedHeaderNames()) {
            List<String> values = request.headers().getAll(name);
            if (values.isEmpty()) {
                throw SigV4Errors.incomplete("'" + name + "' is named as a SignedHeader, but it does not exist in "
                        + "the HTTP request.");
            }
            signable.putHeader(name, values);
            hostSigned |= name.equals("host");
        }
        if (!hostSigned) {
            throw SigV4Errors.incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        SignedHost.of(request.headers().get(HttpHeaderNames.HOST)).applyTo(signable);
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        signable.encodedPath(uri.rawPath());
        uri.parameters().forEach(signable::putRawQueryParameter);
        ByteBuf content = request.content();
        signable.contentStreamProvider(() -> new ByteBufInputStream(content.duplicate()));
        AwsCredentials credentials = key.sessionToken() == null
                ? AwsBasicCredentials.create(claimed.accessKeyId(), key.secret())
                : AwsSessionCredentials.create(claimed.accessKeyId(), key.secret(), key.sessionToken());
        Aws4SignerParams params = Aws4SignerParams.builder().awsCredentials(credentials).signingName(SERVICE)
                .signingRegion(Region.of(region)).signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC)).build();
        SdkHttpFullRequest signed = SIGNER.sign(signable.build(), params);
        return SigV4Authorization.parse(signed.firstMatchingHeader("Authorization").orElseThrow());
    }

    /** Equal strings, compared in time that does not depend on where they differ; null equals only null. */
    private static boolean sameSecret(String expected, String given) {
        if (expected == null || given == null) {
            return expected == given;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The signer writes the Host header itself, from the request's host, port and protocol (leaving out
     * a protocol's standard port), so these are chosen to give back exactly the header the client sent.
     */
    private record SignedHost(String host, int port, String protocol) {
        static SignedHost of(String header) {
            int colon = header.lastIndexOf(':');
            if (colon < 0 || colon < header.lastIndexOf(']')) {
                return new SignedHost(header, 80, "http"); // no port: http's standard one, left out again
            }
            int port;
            try {
                port = Integer.parseInt(header.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw SigV4Errors.incomplete("The Host header is not host[:port]: '" + header + "'");
            }
            // A port written out must stay written out: take a protocol whose standard port it is not.
            return new SignedHost(header.substring(0, colon), port, port == 80 ? "https" : "http");
        }

        void applyTo(SdkHttpFullRequest.Builder request) {
            request.host(host).port(port).protocol(protocol);
        }
    }
}
