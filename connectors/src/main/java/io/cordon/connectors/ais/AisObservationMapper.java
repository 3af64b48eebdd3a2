package io.cordon.connectors.ais;

import io.cordon.connectors.ais.message.AisMessage;
import io.cordon.connectors.ais.message.ClassAPositionReport;
import io.cordon.connectors.ais.message.ClassBPositionReport;
import io.cordon.connectors.ais.message.ExtendedClassBPositionReport;
import io.cordon.connectors.ais.message.LongRangePositionReport;
import io.cordon.connectors.ais.message.StaticAndVoyageData;
import io.cordon.connectors.ais.message.StaticDataReportPartB;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Maps AIS position reports (types 1-3, 18, 19, 27) to {@link Observation}s of kind {@link
 * SensorKind#AIS} with the MMSI as cooperative identity.
 *
 * <p>Covariance: a report with the position accuracy flag set claims better than 10 m, read as the
 * 95 % radius of a circular 2-D Gaussian (sigma = 10 / sqrt(chi2(0.95, 2)) = 4.09 m); without it
 * the sensor default applies. Quantisation of the position fields adds step^2 / 12 per axis (1/10
 * 000 minute, or 1/10 minute = 185 m for type 27). Velocity: east = SOG sin(COG), north = SOG
 * cos(COG), absent when either is not available. Event time: see {@link AisEventTime}.
 *
 * <p>Static data: the call sign of a static and voyage data report (type 5, class A) or static data
 * report part B (type 24, class B) is remembered per MMSI and put in the identity of the position
 * reports of that MMSI that follow, within the bounds of {@link AisStaticIdentities} (100 000
 * MMSIs, 24 hours on the receive times). The ship name of type 5 and 24 part A has no field in a
 * {@link CooperativeIdentity} and is not used. One mapper per feed: the call signs are what this
 * feed has received.
 *
 * <p>Base station reports, static data and other types carry no target position and yield no
 * observation (an empty result, not an error); a position report without a receive time or position
 * yields an error with the reason. Not thread-safe.
 */
public final class AisObservationMapper {
    /** One-sigma per axis for "better than 10 m" at 95 % in two dimensions. */
    static final double HIGH_ACCURACY_SIGMA_M = 10.0 / Math.sqrt(5.991464547107979);

    private static final double METRES_PER_DEG_LAT = 1852.0 * 60.0;
    private static final double VESSEL_PRIOR = 0.9;

    private final SensorDefaults defaults;
    private final AisStaticIdentities statics;

    public AisObservationMapper(SensorDefaults defaults) {
        this(
                defaults,
                AisStaticIdentities.DEFAULT_MAX_VESSELS,
                AisStaticIdentities.DEFAULT_MAX_AGE);
    }

    /**
     * @param maxVessels how many MMSIs' call signs are remembered at most
     * @param maxAge how long after its static report a call sign is attached
     */
    AisObservationMapper(SensorDefaults defaults, int maxVessels, Duration maxAge) {
        if (defaults == null) {
            throw new IllegalArgumentException("defaults are required");
        }
        this.defaults = defaults;
        this.statics = new AisStaticIdentities(maxVessels, maxAge);
    }

    /**
     * The observation of a position report, with the call sign this feed's static reports gave its
     * MMSI; for a static report, nothing (its call sign is remembered).
     */
    public DecodeResult<Observation> map(AisReport report) {
        AisMessage m = report.message();
        if (m instanceof StaticAndVoyageData s) {
            statics.remember(s.mmsi(), s.callsign(), report.receivedAt().orElse(null));
            return new DecodeResult<>(List.of(), List.of());
        }
        if (m instanceof StaticDataReportPartB s) {
            statics.remember(s.mmsi(), s.callsign(), report.receivedAt().orElse(null));
            return new DecodeResult<>(List.of(), List.of());
        }
        if (m instanceof ClassAPositionReport r) {
            return observation(
                    report,
                    r.position(),
                    r.positionAccuracyHigh(),
                    600_000.0,
                    r.speedOverGroundMps(),
                    r.courseOverGroundDeg(),
                    r.utcSecond());
        }
        if (m instanceof ClassBPositionReport r) {
            return observation(
                    report,
                    r.position(),
                    r.positionAccuracyHigh(),
                    600_000.0,
                    r.speedOverGroundMps(),
                    r.courseOverGroundDeg(),
                    r.utcSecond());
        }
        if (m instanceof ExtendedClassBPositionReport r) {
            return observation(
                    report,
                    r.position(),
                    r.positionAccuracyHigh(),
                    600_000.0,
                    r.speedOverGroundMps(),
                    r.courseOverGroundDeg(),
                    r.utcSecond());
        }
        if (m instanceof LongRangePositionReport r) {
            return observation(
                    report,
                    r.position(),
                    r.positionAccuracyHigh(),
                    600.0,
                    r.speedOverGroundMps(),
                    r.courseOverGroundDeg(),
                    OptionalInt.empty());
        }
        return new DecodeResult<>(List.of(), List.of());
    }

    private DecodeResult<Observation> observation(
            AisReport report,
            Optional<GeoPoint> position,
            boolean accuracyHigh,
            double unitsPerDeg,
            OptionalDouble speedMps,
            OptionalDouble courseDeg,
            OptionalInt utcSecond) {
        AisMessage m = report.message();
        if (report.receivedAt().isEmpty()) {
            return DecodeResult.error(
                    "AIS type "
                            + m.messageType()
                            + " from "
                            + mmsi(m)
                            + " has no receive time (no TAG block c: and none supplied)",
                    0,
                    null);
        }
        if (position.isEmpty()) {
            return DecodeResult.error(
                    "AIS type " + m.messageType() + " from " + mmsi(m) + " has no position",
                    0,
                    null);
        }
        GeoPoint p = position.get();
        double sigma = accuracyHigh ? HIGH_ACCURACY_SIGMA_M : defaults.horizontalSigmaM();
        double stepNorthM = METRES_PER_DEG_LAT / unitsPerDeg;
        double stepEastM = stepNorthM * Math.cos(Math.toRadians(p.latDeg()));
        PositionFix fix =
                new PositionFix(
                        p,
                        sigma * sigma + stepEastM * stepEastM / 12.0,
                        0.0,
                        sigma * sigma + stepNorthM * stepNorthM / 12.0);
        Instant receivedAt = report.receivedAt().get();
        Instant eventTime = AisEventTime.of(receivedAt, utcSecond);
        String mmsi = mmsi(m);
        return DecodeResult.of(
                new Observation(
                        "ais/"
                                + defaults.sensorId()
                                + "/"
                                + mmsi
                                + "/"
                                + eventTime.toEpochMilli()
                                + "/"
                                + m.messageType(),
                        defaults.partnerId(),
                        defaults.sensorId(),
                        SensorKind.AIS,
                        eventTime,
                        fix,
                        velocity(speedMps, courseDeg),
                        new CooperativeIdentity(
                                mmsi, "", statics.callsign(m.mmsi(), receivedAt), ""),
                        classification(m.mmsi()),
                        defaults.marking()));
    }

    private static Velocity velocity(OptionalDouble speedMps, OptionalDouble courseDeg) {
        if (speedMps.isEmpty() || courseDeg.isEmpty()) {
            return null;
        }
        double course = Math.toRadians(courseDeg.getAsDouble());
        double speed = speedMps.getAsDouble();
        return new Velocity(speed * Math.sin(course), speed * Math.cos(course), 0.0);
    }

    /** Ship stations have MMSIs MIDxxxxxx with a maritime identification digit 2-7 first. */
    private static Classification classification(int mmsi) {
        int first = mmsi / 100_000_000;
        return first >= 2 && first <= 7
                ? new Classification(TargetClass.VESSEL, VESSEL_PRIOR)
                : Classification.UNKNOWN;
    }

    /** The MMSI as its 9 digits (coast stations start with 00, group calls with 0). */
    static String mmsi(AisMessage m) {
        String digits = Integer.toString(m.mmsi());
        return digits.length() >= 9 ? digits : "000000000".substring(digits.length()) + digits;
    }
}
