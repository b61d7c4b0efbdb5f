package io.quickstep.loadtest;

import java.util.concurrent.TimeUnit;

/**
 * Measures what handing a value from one thread to another costs on this machine: two threads
 * bounce a counter through two volatile fields and the round trip is timed. On a virtual machine the
 * figure can change from minute to minute as the host places its vCPUs: on this project's
 * development machine it is about 65 ns at some times and 330 ns at others. Every execution handed
 * to a shard and back pays it, so the load tester prints it beside its results.
 */
final class HandoffProbe {
    private volatile long ping;
    private volatile long pong;

    private HandoffProbe() {
    }

    /** The mean round trip in nanoseconds, measured for about {@code millis} milliseconds. */
    static double roundTripNanos(long millis) throws InterruptedException {
        HandoffProbe probe = new HandoffProbe();
        Thread echo = new Thread(probe::echo, "handoff-probe");
        echo.setDaemon(true);
        echo.start();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        long trips = 0;
        while (System.nanoTime() - end < 0) {
            for (int i = 0; i < 1000; i++) {
                long value = ++trips;
                probe.ping = value;
                while (probe.pong != value) {
                    Thread.onSpinWait();
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        probe.ping = -1;
        echo.join();
        return (double) elapsed / trips;
    }

    /** Answers each ping with a pong of the same value until the ping is negative. */
    private void echo() {
        long seen = 0;
        while (true) {
            long value;
            while ((value = ping) == seen) {
                Thread.onSpinWait();
            }
            if (value < 0) {
                return;
            }
            seen = value;
            pong = value;
        }
    }
}
