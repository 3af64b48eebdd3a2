package io.cordon.connectors.cot;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.MeasuredHeights;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import java.util.List;

/**
 * Maps CoT events (from XML or TAK) to {@link Observation}s.
 *
 * <ul>
 *   <li>Measurement: events whose {@code how} says another system produced them ({@code m-f} fused,
 *       {@code m-p} predicted, {@code m-r} relayed) are that system's tracks and become a {@link
 *       SensorTrackUpdate} keyed by the event uid; all others are a {@link PositionFix}.
 *   <li>Covariance: {@code ce} is the one-sigma circular error (CoT Base-Event Schema), taken as
 *       the per-axis sigma: var_e = var_n = ce^2. Unknown (9 999 999) or zero {@code ce} falls back
 *       to the sensor default.
 *   <li>Time: the event's {@code time}. Velocity: {@code detail/track} course and speed (east = s
 *       sin c, north = s cos c; the 3-D speed is taken as horizontal unless a slope is given, then
 *       split by it).
 *   <li>Identity: cotUid = uid, callsign from {@code detail/contact}. Class from the type's
 *       dimension and function (air UAV {@code A-M-F-Q}, {@code A-M-H-Q}, {@code A-C-F-Q}: drone;
 *       other air: aircraft; sea surface and subsurface: vessel; ground equipment vehicle: land
 *       vehicle; ground unit infantry: person) with the originator's declaration as a 0.8 prior.
 * </ul>
 *
 * Events of non-atom types (drawings, routes, tasking) carry no target and yield nothing.
 */
public final class CotObservationMapper {
    private static final double DECLARED_CLASS_PRIOR = 0.8;

    private final SensorDefaults defaults;
    private final SensorKind kind;

    /** Events from a drone or its ground station. */
    public CotObservationMapper(SensorDefaults defaults) {
        this(defaults, SensorKind.DRONE);
    }

    public CotObservationMapper(SensorDefaults defaults, SensorKind kind) {
        if (defaults == null || kind == null) {
            throw new IllegalArgumentException("defaults and kind are required");
        }
        this.defaults = defaults;
        this.kind = kind;
    }

    public DecodeResult<Observation> map(CotEvent event) {
        if (event.type().affiliation() == Affiliation.NOT_APPLICABLE) {
            return new DecodeResult<>(List.of(), List.of());
        }
        CotPoint p = event.point();
        double sigma =
                p.ceM().isPresent() && p.ceM().getAsDouble() > 0
                        ? p.ceM().getAsDouble()
                        : defaults.horizontalSigmaM();
        // a height is a measurement only with its error: hae with a known le (one sigma)
        double sigmaAlt =
                p.haeM().isPresent() && p.leM().isPresent() && p.leM().getAsDouble() > 0
                        ? p.leM().getAsDouble()
                        : 0.0;
        if (sigmaAlt > 0) {
            String problem = MeasuredHeights.problem("point hae", p.haeM().getAsDouble());
            if (problem != null) {
                return DecodeResult.error(problem, 0, null);
            }
        }
        PositionFix fix =
                new PositionFix(
                        new GeoPoint(p.latDeg(), p.lonDeg(), p.haeM().orElse(0.0)),
                        sigma * sigma,
                        0.0,
                        sigma * sigma,
                        sigmaAlt);
        Measurement measurement =
                isForeignTrack(event.how()) ? new SensorTrackUpdate(event.uid(), fix) : fix;
        return DecodeResult.of(
                new Observation(
                        "cot/"
                                + defaults.sensorId()
                                + "/"
                                + event.uid()
                                + "/"
                                + event.time().toEpochMilli(),
                        defaults.partnerId(),
                        defaults.sensorId(),
                        kind,
                        event.time(),
                        measurement,
                        velocity(event),
                        new CooperativeIdentity("", "", event.callsign(), event.uid()),
                        classification(event.type()),
                        defaults.marking()));
    }

    private static boolean isForeignTrack(String how) {
        return how.startsWith("m-f") || how.startsWith("m-p") || how.startsWith("m-r");
    }

    private static Velocity velocity(CotEvent event) {
        if (event.track().isEmpty()) {
            return null;
        }
        CotTrack t = event.track().get();
        double slope = Math.toRadians(t.slopeDeg().orElse(0.0));
        double horizontal = t.speedMps() * Math.cos(slope);
        double course = Math.toRadians(t.courseDeg());
        return new Velocity(
                horizontal * Math.sin(course),
                horizontal * Math.cos(course),
                t.speedMps() * Math.sin(slope));
    }

    static Classification classification(CotType type) {
        TargetClass c =
                switch (type.dimension()) {
                    case AIR ->
                            type.hasFunction("M-F-Q")
                                            || type.hasFunction("M-H-Q")
                                            || type.hasFunction("C-F-Q")
                                    ? TargetClass.DRONE
                                    : TargetClass.AIRCRAFT;
                    case SEA_SURFACE, SUBSURFACE -> TargetClass.VESSEL;
                    case GROUND ->
                            type.hasFunction("E-V")
                                    ? TargetClass.LAND_VEHICLE
                                    : type.hasFunction("U-C-I")
                                            ? TargetClass.PERSON
                                            : TargetClass.UNKNOWN;
                    default -> TargetClass.UNKNOWN;
                };
        return c == TargetClass.UNKNOWN
                ? Classification.UNKNOWN
                : new Classification(c, DECLARED_CLASS_PRIOR);
    }
}
