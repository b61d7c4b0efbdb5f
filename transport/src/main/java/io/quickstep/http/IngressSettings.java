package io.quickstep.http;

import java.time.Duration;

/**
 * How the HTTP ingress listens and what it bears from a client. The limits keep slow or abusive
 * clients from taking the server down: each bounds what one of them can hold (a connection slot,
 * buffered bytes, answers queued) and for how long.
 *
 * @param host                     the address to bind (a name or a literal)
 * @param port                     the port; 0 for an ephemeral one
 * @param eventLoops               event-loop threads, each serving its share of the connections
 * @param maxConnections           connections open at once; one more is closed at once
 * @param maxInFlightPerConnection requests of one connection read and not yet answered; at the bound
 *                                 the connection is not read until an answer is written
 * @param idleTimeout              a connection that neither sends nor is sent a byte for this long is
 *                                 closed (a client that sends half a request and stops)
 * @param maxInitialLine           bytes of the request line
 * @param maxHeaderSize            bytes of all header lines together
 * @param maxBody                  bytes of a request body, AWS's limit for the Step Functions API
 * @param sigV4                    verifies the signature of every API and {@code /metrics} request;
 *                                 null: no authentication (then nothing is checked, at no cost)
 */
public record IngressSettings(String host, int port, int eventLoops, int maxConnections, int maxInFlightPerConnection,
                              Duration idleTimeout, int maxInitialLine, int maxHeaderSize, int maxBody,
                              SigV4Verifier sigV4) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8083;
    public static final int MAX_BODY = 1024 * 1024;

    public IngressSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (eventLoops < 1 || maxConnections < 1 || maxInFlightPerConnection < 1) {
            throw new IllegalArgumentException("event loops, connections and requests in flight must each be at least 1");
        }
    }

    /** Defaults: loopback on 8083, one event loop per two processors (the shards want the rest). */
    public static IngressSettings defaults() {
        return new IngressSettings(DEFAULT_HOST, DEFAULT_PORT, defaultEventLoops(), 10_000, 64,
                Duration.ofSeconds(60), 4096, 16 * 1024, MAX_BODY, null);
    }

    public static int defaultEventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public IngressSettings address(String host, int port) {
        return new IngressSettings(host, port, eventLoops, maxConnections, maxInFlightPerConnection, idleTimeout,
                maxInitialLine, maxHeaderSize, maxBody, sigV4);
    }

    public IngressSettings eventLoops(int eventLoops) {
        return new IngressSettings(host, port, eventLoops, maxConnections, maxInFlightPerConnection, idleTimeout,
                maxInitialLine, maxHeaderSize, maxBody, sigV4);
    }

    public IngressSettings idleTimeout(Duration idleTimeout) {
        return new IngressSettings(host, port, eventLoops, maxConnections, maxInFlightPerConnection, idleTimeout,
                maxInitialLine, maxHeaderSize, maxBody, sigV4);
    }

    public IngressSettings maxConnections(int maxConnections) {
        return new IngressSettings(host, port, eventLoops, maxConnections, maxInFlightPerConnection, idleTimeout,
                maxInitialLine, maxHeaderSize, maxBody, sigV4);
    }

    public IngressSettings maxInFlightPerConnection(int maxInFlightPerConnection) {
        return new IngressSettings(host, port, eventLoops, maxConnections, maxInFlightPerConnection, idleTimeout,
                maxInitialLine, maxHeaderSize, maxBody, sigV4);
    }

    /** Requests must carry an AWS Signature Version 4 that {@code sigV4} verifies (null: none needed). */
    public IngressSettings sigV4(SigV4Verifier sigV4) {
        return new IngressSettings(host, port, eventLoops, maxConnections, maxInFlightPerConnection, idleTimeout,
                maxInitialLine, maxHeaderSize, maxBody, sigV4);
    }
}
