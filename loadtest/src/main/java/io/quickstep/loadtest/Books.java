package io.quickstep.loadtest;

import io.quickstep.metrics.EngineErrors;
import io.quickstep.metrics.EngineMetrics;

/**
 * The engine's books at the end of a run, read after it shut down: every execution it accepted
 * must have ended one way or another (started = succeeded + failed + timed out + aborted, none
 * running), whatever its handlers threw.
 */
record Books(long started, long succeeded, long failed, long timedOut, long aborted, long running,
             long handlerErrors, long listenerErrors, long engineFaults, long stalls) {

    static Books of(EngineMetrics m) {
        EngineErrors errors = m.errors();
        return new Books(m.started(), m.succeeded(), m.failed(), m.timedOut(), m.aborted(), m.running(),
                errors.count(EngineErrors.Kind.HANDLER), errors.count(EngineErrors.Kind.LISTENER),
                errors.count(EngineErrors.Kind.ENGINE_FAULT) + errors.count(EngineErrors.Kind.SHARD_FAULT),
                m.stalls());
    }

    boolean balanced() {
        return running == 0 && started == succeeded + failed + timedOut + aborted;
    }

    String describe() {
        return String.format("books: started %d = succeeded %d + failed %d + timed out %d + aborted %d"
                        + " (running %d): %s%n  errors: handler %d, listener %d, engine %d; shard stalls %d",
                started, succeeded, failed, timedOut, aborted, running, balanced() ? "balanced" : "NOT BALANCED",
                handlerErrors, listenerErrors, engineFaults, stalls);
    }
}
