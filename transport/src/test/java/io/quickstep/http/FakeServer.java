package io.quickstep.http;

import java.net.InetSocketAddress;

/** The ingress on an ephemeral loopback port, one event loop, serving a {@link FakeApi}: a test's server. */
final class FakeServer implements AutoCloseable {
    private final FakeApi api = new FakeApi();
    private final HttpIngress ingress = HttpIngress.start(IngressSettings.defaults().address("127.0.0.1", 0)
            .eventLoops(1), api, IngressMetrics.requestsOnly());

    InetSocketAddress address() {
        return ingress.address();
    }

    @Override
    public void close() {
        ingress.close();
        api.close();
    }
}
