package io.cordon.connectors.asterix.observation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * ASTERIX times are UTC seconds since midnight (EUROCONTROL-SPEC-0149 items I048/140, I062/070,
 * I021/071...: 24 bits of 1/128 s, reset to zero at every midnight); the date comes from outside.
 */
public final class AsterixTime {
    /** Seconds in a UTC day (leap seconds are not represented by ASTERIX times of day). */
    public static final double SECONDS_PER_DAY = 86_400.0;

    private AsterixTime() {}

    /**
     * The instant {@code timeOfDaySeconds} after midnight UTC of {@code utcDate}. The caller checks
     * that the time of day is in [0, 86400).
     */
    public static Instant atDate(double timeOfDaySeconds, LocalDate utcDate) {
        long nanos = Math.round(timeOfDaySeconds * 1e9);
        return Instant.ofEpochSecond(utcDate.toEpochDay() * 86_400L, nanos);
    }

    /**
     * The UTC date that puts {@code timeOfDaySeconds} nearest to {@code reference} (for example the
     * receive time of a live datagram): a report stamped 23:59:59.9 that arrives at 00:00:00.1
     * belongs to the previous day.
     */
    public static LocalDate dateNear(double timeOfDaySeconds, Instant reference) {
        LocalDate day = LocalDate.ofInstant(reference, ZoneOffset.UTC);
        Instant best = null;
        LocalDate bestDay = day;
        for (int shift = -1; shift <= 1; shift++) {
            LocalDate candidate = day.plusDays(shift);
            Instant t = atDate(timeOfDaySeconds, candidate);
            if (best == null
                    || Math.abs(t.getEpochSecond() - reference.getEpochSecond())
                            < Math.abs(best.getEpochSecond() - reference.getEpochSecond())) {
                best = t;
                bestDay = candidate;
            }
        }
        return bestDay;
    }

    /** True when {@code seconds} is a valid time of day. */
    static boolean isTimeOfDay(double seconds) {
        return seconds >= 0 && seconds < SECONDS_PER_DAY;
    }
}
