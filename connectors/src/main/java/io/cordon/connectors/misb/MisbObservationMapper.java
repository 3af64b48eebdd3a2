package io.cordon.connectors.misb;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Maps the VMTI detections of a MISB packet to {@link Observation}s of kind {@link
 * SensorKind#DRONE}: one {@link PositionFix} per VTarget that carries a LocationPack (tag 17).
 *
 * <p>Time: the VMTI set's time stamp, else the enclosing ST 0601 packet's. Covariance: the
 * LocationPack's sigmas and latitude-longitude correlation when present (ee = sigmaLon^2, nn =
 * sigmaLat^2, en = rho sigmaLat sigmaLon), else the sensor default. Targets without a location
 * (pixel-only detections, which need the camera model to place) and the platform's own position
 * yield nothing; a packet with located targets but no time stamp is an error.
 */
public final class MisbObservationMapper {
    private final SensorDefaults defaults;

    public MisbObservationMapper(SensorDefaults defaults) {
        if (defaults == null) {
            throw new IllegalArgumentException("defaults are required");
        }
        this.defaults = defaults;
    }

    public DecodeResult<Observation> map(MisbPacket packet) {
        VmtiLocalSet vmti;
        Optional<Instant> outerTime = Optional.empty();
        if (packet instanceof UasDatalinkPacket uas) {
            if (uas.vmti().isEmpty()) {
                return new DecodeResult<>(List.of(), List.of());
            }
            vmti = uas.vmti().get();
            outerTime = uas.precisionTimeStamp();
        } else {
            vmti = (VmtiLocalSet) packet;
        }
        DecodeResult.Builder<Observation> out = new DecodeResult.Builder<>();
        Optional<Instant> time =
                vmti.precisionTimeStamp().isPresent() ? vmti.precisionTimeStamp() : outerTime;
        for (VmtiTarget target : vmti.targets()) {
            if (target.location().isEmpty()) {
                continue;
            }
            if (time.isEmpty()) {
                out.error(
                        "VMTI target "
                                + target.targetId()
                                + " has a location but the packet has no time stamp",
                        0,
                        null);
                continue;
            }
            out.value(observation(target, target.location().get(), time.get(), vmti));
        }
        return out.build();
    }

    private Observation observation(
            VmtiTarget target, TargetLocation location, Instant time, VmtiLocalSet vmti) {
        GeoPoint position = new GeoPoint(location.latDeg(), location.lonDeg(), location.haeM());
        // the height is a measurement when the pack gives its sigma (PositionFix.sigmaAltM)
        double sigmaAlt =
                location.sigmaHaeM().isPresent()
                                && location.sigmaHaeM().getAsDouble() > 0
                                && Double.isFinite(location.sigmaHaeM().getAsDouble())
                        ? location.sigmaHaeM().getAsDouble()
                        : 0.0;
        PositionFix fix;
        if (location.sigmaLatM().isPresent()
                && location.sigmaLonM().isPresent()
                && location.sigmaLatM().getAsDouble() > 0
                && location.sigmaLonM().getAsDouble() > 0) {
            double sLat = location.sigmaLatM().getAsDouble();
            double sLon = location.sigmaLonM().getAsDouble();
            // keep the matrix positive definite when a producer writes rho = +-1
            double rho = Math.max(-0.999, Math.min(0.999, location.rhoLatLon().orElse(0.0)));
            fix = new PositionFix(position, sLon * sLon, rho * sLat * sLon, sLat * sLat, sigmaAlt);
        } else {
            double s = defaults.horizontalSigmaM();
            fix = new PositionFix(position, s * s, 0.0, s * s, sigmaAlt);
        }
        return new Observation(
                "misb/"
                        + defaults.sensorId()
                        + "/"
                        + vmti.systemName()
                        + "/"
                        + time.toEpochMilli()
                        + "/"
                        + target.targetId(),
                defaults.partnerId(),
                defaults.sensorId(),
                SensorKind.DRONE,
                time,
                fix,
                null,
                CooperativeIdentity.NONE,
                Classification.UNKNOWN,
                defaults.marking());
    }
}
