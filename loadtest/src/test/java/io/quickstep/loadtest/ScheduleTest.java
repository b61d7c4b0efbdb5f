package io.quickstep.loadtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When requests fall due: evenly, in bursts, and after a climb to the rate. */
class ScheduleTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void aFixedRateSpacesRequestsEvenly() {
        Schedule schedule = Schedule.fixedRate(1000);
        assertEquals(0, schedule.dueNanos(0));
        assertEquals(MILLI, schedule.dueNanos(1));
        assertEquals(1, schedule.dueBy(0));
        assertEquals(1001, schedule.dueBy(SECOND));
    }

    @Test
    void burstsFallDueTogether() {
        Schedule schedule = Schedule.bursts(50, 100 * MILLI);
        assertEquals(0, schedule.dueNanos(49));
        assertEquals(100 * MILLI, schedule.dueNanos(50));
        assertEquals(50, schedule.dueBy(99 * MILLI));
        assertEquals(100, schedule.dueBy(100 * MILLI));
        assertEquals(500.0, schedule.ratePerSecond());
        assertEquals("50 every 100ms", schedule.describe());
    }

    @Test
    void aClimbRunsAnEighthAQuarterAndAHalfOfTheRateASecondEachThenTheRate() {
        Schedule schedule = Schedule.climbing(800, 3);
        // 100 in the first second, 200 in the second, 400 in the third, then 800 a second.
        assertEquals(0, schedule.dueNanos(0));
        assertEquals(10 * MILLI, schedule.dueNanos(1));
        assertEquals(SECOND, schedule.dueNanos(100));
        assertEquals(2 * SECOND, schedule.dueNanos(300));
        assertEquals(3 * SECOND, schedule.dueNanos(700));
        assertEquals(3 * SECOND + 1_250_000, schedule.dueNanos(701));
        assertEquals(100, schedule.dueBy(SECOND - 1));
        assertEquals(700 + 1, schedule.dueBy(3 * SECOND));
        assertEquals(700 + 801, schedule.dueBy(4 * SECOND));
        for (long n = 0; n < 2000; n++) {
            assertEquals(n + 1, schedule.dueBy(schedule.dueNanos(n)), "request " + n + " is due at its own time");
        }
        assertEquals(Schedule.fixedRate(800), Schedule.climbing(800, 0));
    }
}
