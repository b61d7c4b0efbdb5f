package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one timestamp grammar of the engine, for a Wait's Timestamp (checked by the validator,
 * waited for by the VM), TimestampPath and JSONata Timestamp values, and Choice rules' Timestamp
 * comparisons: RFC 3339 date-times as AWS documents them, with seconds, an uppercase {@code T}
 * between date and time and an uppercase {@code Z} when no numeric offset is given, e.g.
 * {@code 2016-03-14T01:59:00Z}. Fractions of a second stop at nanoseconds, the precision the engine
 * keeps; a numeric offset may be up to 23:59, as RFC 3339 allows (beyond {@link ZoneOffset}'s 18 hours).
 */
public final class Timestamps {
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?:Z|([+-])(\\d{2}):(\\d{2}))");
    private static final int NANO_DIGITS = 9;

    private Timestamps() {
    }

    /** The instant {@code text} names, or null when it is not a timestamp of this grammar. */
    public static Instant parse(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int offsetHours = m.group(8) == null ? 0 : number(m, 9);
        int offsetMinutes = m.group(8) == null ? 0 : number(m, 10);
        if (offsetHours > 23 || offsetMinutes > 59) {
            return null;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(LocalDate.of(number(m, 1), number(m, 2), number(m, 3)),
                    LocalTime.of(number(m, 4), number(m, 5), number(m, 6), nanos(m.group(7))));
        } catch (DateTimeException e) {
            return null; // a month, day or time of day out of range
        }
        int offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * ("-".equals(m.group(8)) ? -1 : 1);
        return Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds, local.getNano());
    }

    /** The instant a JSON value names: null unless it is a string {@link #parse} reads. */
    public static Instant of(JsonNode value) {
        return value.isTextual() ? parse(value.textValue()) : null;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** A fraction's digits as nanoseconds: "5" is 500,000,000. */
    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "00000000").substring(0, NANO_DIGITS));
    }
}
