package io.quickstep.log;

import io.quickstep.metrics.LogMetrics;

/** A sink of the engine's own, which counts the bytes it writes in the engine's log metrics. */
interface MeteredSink {
    void meteredBy(LogMetrics metrics);
}
