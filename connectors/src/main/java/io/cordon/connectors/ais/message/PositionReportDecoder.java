package io.cordon.connectors.ais.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Bit layouts of the position reports (ITU-R M.1371-5 Annex 8). Bit ranges are inclusive, bit 0
 * first; every message starts with type 0-5, repeat 6-7, MMSI 8-37. The radio status closing types
 * 1-4 and 18 may be cut short (seen in the field): it then holds the bits present.
 */
final class PositionReportDecoder {
    private PositionReportDecoder() {}

    /**
     * Types 1-3 (168 bits): status 38-41, ROT 42-49 (signed), SOG 50-59, accuracy 60, lon 61-88
     * (signed 28), lat 89-115 (signed 27), COG 116-127, heading 128-136, second 137-142, manoeuvre
     * 143-144, spare 145-147, RAIM 148, radio 149-167.
     */
    static AisMessage classA(AisBits b) {
        return new ClassAPositionReport(
                b.uint(0, 6),
                b.uint(6, 2),
                b.uint(8, 30),
                NavigationStatus.of(b.uint(38, 4)),
                (int) b.signed(42, 8),
                AisFields.speedTenthsKnots(b.uint(50, 10)),
                b.flag(60),
                AisFields.position(b, 61, 28, 89, 27, AisFields.HIGH_RES_UNITS_PER_DEG),
                AisFields.courseTenthsDeg(b.uint(116, 12)),
                AisFields.heading(b.uint(128, 9)),
                b.uint(137, 6),
                b.uint(143, 2),
                b.flag(148),
                b.uintPresent(149, 19));
    }

    /**
     * Type 4 (168 bits): year 38-51, month 52-55, day 56-60, hour 61-65, minute 66-71, second
     * 72-77, accuracy 78, lon 79-106, lat 107-133, EPFD 134-137, spare 138-147, RAIM 148, radio
     * 149-167.
     */
    static AisMessage baseStation(AisBits b) {
        return new BaseStationReport(
                b.uint(0, 6),
                b.uint(6, 2),
                b.uint(8, 30),
                utc(
                        b.uint(38, 14),
                        b.uint(52, 4),
                        b.uint(56, 5),
                        b.uint(61, 5),
                        b.uint(66, 6),
                        b.uint(72, 6)),
                b.flag(78),
                AisFields.position(b, 79, 28, 107, 27, AisFields.HIGH_RES_UNITS_PER_DEG),
                b.uint(134, 4),
                b.flag(148),
                b.uintPresent(149, 19));
    }

    /**
     * Type 18 (168 bits): reserved 38-45, SOG 46-55, accuracy 56, lon 57-84, lat 85-111, COG
     * 112-123, heading 124-132, second 133-138, reserved 139-140, CS 141, display 142, DSC 143,
     * band 144, msg22 145, assigned 146, RAIM 147, radio 148-167.
     */
    static AisMessage classB(AisBits b) {
        return new ClassBPositionReport(
                b.uint(0, 6),
                b.uint(6, 2),
                b.uint(8, 30),
                AisFields.speedTenthsKnots(b.uint(46, 10)),
                b.flag(56),
                AisFields.position(b, 57, 28, 85, 27, AisFields.HIGH_RES_UNITS_PER_DEG),
                AisFields.courseTenthsDeg(b.uint(112, 12)),
                AisFields.heading(b.uint(124, 9)),
                b.uint(133, 6),
                b.flag(141),
                b.flag(142),
                b.flag(143),
                b.flag(144),
                b.flag(145),
                b.flag(146),
                b.flag(147),
                b.uintPresent(148, 20));
    }

    /**
     * Type 19 (312 bits): as type 18 to bit 138, then reserved 139-142, name 143-262, ship type
     * 263-270, dimensions 271-300, EPFD 301-304, RAIM 305, DTE 306, assigned 307, spare 308-311.
     */
    static AisMessage extendedClassB(AisBits b) {
        return new ExtendedClassBPositionReport(
                b.uint(0, 6),
                b.uint(6, 2),
                b.uint(8, 30),
                AisFields.speedTenthsKnots(b.uint(46, 10)),
                b.flag(56),
                AisFields.position(b, 57, 28, 85, 27, AisFields.HIGH_RES_UNITS_PER_DEG),
                AisFields.courseTenthsDeg(b.uint(112, 12)),
                AisFields.heading(b.uint(124, 9)),
                b.uint(133, 6),
                b.text(143, 20),
                b.uint(263, 8),
                AisFields.dimensions(b, 271),
                b.uint(301, 4),
                b.flag(305),
                b.flag(306),
                b.flag(307));
    }

    /**
     * Type 27 (96 bits): accuracy 38, RAIM 39, status 40-43, lon 44-61 (signed 18, 1/10 min), lat
     * 62-78 (signed 17), SOG 79-84 (kn, 63 n/a), COG 85-93 (deg, 511 n/a), latency 94, spare 95.
     */
    static AisMessage longRange(AisBits b) {
        int speed = b.uint(79, 6);
        int course = b.uint(85, 9);
        return new LongRangePositionReport(
                b.uint(0, 6),
                b.uint(6, 2),
                b.uint(8, 30),
                b.flag(38),
                b.flag(39),
                NavigationStatus.of(b.uint(40, 4)),
                AisFields.position(b, 44, 18, 62, 17, AisFields.LOW_RES_UNITS_PER_DEG),
                speed == 63 ? OptionalDouble.empty() : OptionalDouble.of(speed),
                course >= 360 ? OptionalDouble.empty() : OptionalDouble.of(course),
                b.flag(94));
    }

    private static Optional<Instant> utc(
            int year, int month, int day, int hour, int minute, int second) {
        if (year == 0 || month == 0 || day == 0 || hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.of(year, month, day, hour, minute, second)
                            .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException invalidDate) {
            // month 13 or 31 February: the station's clock field is garbage, treat as absent
            return Optional.empty();
        }
    }
}
