package io.quickstep.asl.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps ASL accepts: RFC 3339 date-times with an uppercase {@code T} between date and time
 * and an uppercase {@code Z} when no numeric offset is given, e.g. {@code 2016-03-14T01:59:00Z}.
 * Fractions of a second stop at nanoseconds, the precision the engine waits with.
 */
final class Rfc3339 {
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?(Z|[+-](\\d{2}):(\\d{2}))");

    private Rfc3339() {
    }

    static boolean matches(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
        } catch (DateTimeException e) {
            return false;
        }
        boolean offsetValid = m.group(9) == null || number(m, 9) <= 23 && number(m, 10) <= 59;
        return number(m, 4) <= 23 && number(m, 5) <= 59 && number(m, 6) <= 59 && offsetValid;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
