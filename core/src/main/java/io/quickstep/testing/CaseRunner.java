package io.quickstep.testing;

import io.quickstep.events.HistoryEvent;
import io.quickstep.execution.Clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cases concurrently and judges each. Executions run on a virtual clock unless
 * {@link #realTime(boolean) real time} is asked for, so Wait states and retry intervals cost nothing.
 *
 * <p>A fixed pool of {@link #jobs(int) jobs} threads takes the cases in turn; each hands its case to
 * a fresh worker thread and waits at most {@link #caseTimeout(Duration)} of wall-clock time. A case
 * that takes longer fails and its worker is interrupted and abandoned (a daemon thread, since Java
 * cannot stop a thread), so a hanging case never blocks the run.
 */
public final class CaseRunner {
    private int jobs = Runtime.getRuntime().availableProcessors();
    private boolean realTime;
    private Duration caseTimeout = Duration.ofSeconds(60);
    private CaseJudge judge = CaseJudge.ENGINE;

    /** How many cases run at once; default: the available processors. */
    public CaseRunner jobs(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.jobs = jobs;
        return this;
    }

    /** Whether executions run on the system clock, really sleeping; default: a virtual clock. */
    public CaseRunner realTime(boolean realTime) {
        this.realTime = realTime;
        return this;
    }

    /** The wall-clock time one case may take before it fails; default 60 s. */
    public CaseRunner caseTimeout(Duration caseTimeout) {
        this.caseTimeout = caseTimeout;
        return this;
    }

    /** Who runs and judges each case; default: the engine. */
    public CaseRunner judge(CaseJudge judge) {
        this.judge = judge;
        return this;
    }

    /** Runs every case (or skips it, where the judge gives a reason); one result per case, in the order given. */
    /**
     * The events of a case's execution, run again with its mocks on a virtual clock, to show why
     * it failed; empty for a case that runs no execution (validation, API).
     */
    public static List<HistoryEvent> events(TestCase testCase) {
        return ExecutionCaseJudge.events(testCase);
    }

    public List<CaseResult> run(List<TestCase> cases) {
        ExecutorService lanes = Executors.newFixedThreadPool(jobs, daemonThreads("quickstep-case-lane"));
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("quickstep-case"));
        try {
            List<Future<CaseResult>> pending = new ArrayList<>();
            for (TestCase testCase : cases) {
                pending.add(lanes.submit(() -> runGuarded(testCase, workers)));
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> result : pending) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cases", e);
        } catch (ExecutionException e) {
            // runGuarded turns every failure of a case into a result; this is a bug in the runner.
            throw new IllegalStateException(e.getCause());
        } finally {
            lanes.shutdownNow();
            workers.shutdownNow();
        }
    }

    private CaseResult runGuarded(TestCase testCase, ExecutorService workers) throws InterruptedException {
        String skip = judge.skipReason(testCase);
        if (skip != null) {
            return CaseResult.skipped(testCase, skip);
        }
        Clock clock = new GuardedClock(realTime ? Clock.SYSTEM : Clock.virtual());
        Future<String> verdict = workers.submit(() -> judge.judge(testCase, clock));
        try {
            return new CaseResult(testCase, verdict.get(caseTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            verdict.cancel(true);
            return new CaseResult(testCase, "did not finish within " + describe(caseTimeout)
                    + " of wall-clock time; abandoned");
        } catch (ExecutionException e) {
            return new CaseResult(testCase, "engine threw " + describe(e.getCause()));
        }
    }

    /** An exception on one line: its class, message and where it was thrown. */
    private static String describe(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
