package org.hmskg.extract;

import org.hmskg.parse.DateValue;

/** Which of two dates of different precision is the later: what "the latest date the text states" means. */
public final class DateOrder {
    private DateOrder() {
    }

    /**
     * True when {@code a} is later than {@code b}: by year, then month, then day, an unstated part counting as
     * earliest, so that of 2022-03 and 2022-03-15 the more precise one is the later.
     */
    public static boolean later(DateValue a, DateValue b) {
        if (a.year() != b.year()) {
            return a.year() > b.year();
        }
        if (a.month() != b.month()) {
            return a.month() > b.month();
        }
        return a.day() > b.day();
    }
}
