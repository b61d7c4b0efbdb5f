package io.quickstep.log;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link RollingFileLogSink} names its files, for it and for readers of a log directory:
 * {@code <state machine>/<yyyy-MM-dd>.<n>.jsonl}, {@code n} counting the day's files from 0 (the
 * folder is the machine's name with anything but letters, digits, {@code -}, {@code _} and
 * {@code .} replaced by {@code _}).
 */
public final class LogStreams {
    /** The ending of every log file. */
    public static final String SUFFIX = ".jsonl";
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Pattern FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.jsonl");

    private LogStreams() {
    }

    /** The UTC day of an epoch-millisecond time, in days since 1970-01-01. */
    static long epochDay(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    /** A day in days since 1970-01-01, {@code yyyy-MM-dd}. */
    static String day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** The folder of a state machine's stream. */
    static String folder(String stateMachineName) {
        return stateMachineName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static String fileName(String day, int number) {
        return day + "." + number + SUFFIX;
    }

    /** The number of a day's log file, or -1 for any other file. */
    static int number(Path file, String day) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        return m.matches() && m.group(1).equals(day) ? Integer.parseInt(m.group(2)) : -1;
    }

    /**
     * Orders log files as they were written: by day, then number ({@code 2024-05-01.10.jsonl}
     * after {@code 2024-05-01.9.jsonl}); other files after, by name.
     */
    public static int compare(Path a, Path b) {
        Matcher ma = FILE.matcher(a.getFileName().toString());
        Matcher mb = FILE.matcher(b.getFileName().toString());
        if (ma.matches() && mb.matches()) {
            int byDay = ma.group(1).compareTo(mb.group(1));
            return byDay != 0 ? byDay : Long.compare(Long.parseLong(ma.group(2)), Long.parseLong(mb.group(2)));
        }
        return ma.matches() ? -1 : mb.matches() ? 1 : a.compareTo(b);
    }
}
