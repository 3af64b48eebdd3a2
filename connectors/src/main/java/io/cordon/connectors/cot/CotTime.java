package io.cordon.connectors.cot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * CoT times are XML Schema {@code dateTime}s, in practice UTC with a {@code Z} ({@code
 * 2020-02-08T18:10:44.000Z}); an offset is honoured and a time without a zone is taken as UTC.
 */
final class CotTime {
    private CotTime() {}

    /** The instant, or null when the text is not a dateTime. */
    static Instant parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Instant.from(t);
            }
            return LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
