package io.cordon.pipeline.config;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.SensorKind;
import java.util.regex.Pattern;

/**
 * One sensor in the registry, with the priors fusion uses for it. Omitted numbers take the defaults
 * of its kind ({@link SensorDefaults}).
 *
 * <p>YAML: {@code releasableTo: [mex, usa]} restricts everything derived from this sensor to those
 * partners; absent means unrestricted. The ids must be declared partners.
 *
 * @param id unique sensor id, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}
 * @param partnerId the owning partner (a declared partner id)
 * @param kind what kind of sensor
 * @param position where it is (WGS84); for a satellite, the centre of its coverage
 * @param rangeM coverage radius (radar range, drone footprint, satellite swath half-width), m, > 0
 * @param periodS revisit period, s, > 0
 * @param sigmaRangeM one-sigma range noise, m (radars: > 0; others 0)
 * @param sigmaAzimuthDeg one-sigma azimuth noise, degrees (radars: > 0; others 0)
 * @param sigmaHeightM one-sigma error of the target heights a 3-D radar measures (ASTERIX CAT048
 *     I110), m (YAML {@code sigmaHeightM}, >= 0); 0 (the default) for a 2-D radar, whose plots then
 *     measure no height, and for every sensor that does not measure range and azimuth
 * @param sigmaPositionM one-sigma horizontal position noise, m (position sensors: > 0; radars 0)
 * @param detectionProbability probability of detection per scan, (0, 1]
 * @param clutterPerScan expected false detections per scan, >= 0
 * @param releasability who may receive data derived from this sensor
 * @param maxOutOfOrdernessS how far, s, this sensor's observations may arrive behind its newest one
 *     and still be fused in order (YAML {@code maxOutOfOrdernessS}, >= 0; absent = NaN = the fusion
 *     job's default)
 * @param idlenessS after how many seconds of event time without an observation from this sensor,
 *     while others report, it stops holding back fusion (YAML {@code idlenessS}, > 0; absent = NaN
 *     = the fusion job's default)
 */
public record SensorConfig(
        String id,
        String partnerId,
        SensorKind kind,
        GeoPoint position,
        double rangeM,
        double periodS,
        double sigmaRangeM,
        double sigmaAzimuthDeg,
        double sigmaHeightM,
        double sigmaPositionM,
        double detectionProbability,
        double clutterPerScan,
        Marking releasability,
        double maxOutOfOrdernessS,
        double idlenessS) {
    private static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SensorConfig {
        ConfigChecks.matching(
                "id", id, SENSOR_ID, "a sensor id matching [A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        ConfigChecks.matching(
                "partnerId", partnerId, ConfigChecks.PARTNER_ID, ConfigChecks.PARTNER_ID_ALLOWED);
        ConfigChecks.required(
                "kind", kind, "one of " + java.util.Arrays.toString(SensorKind.values()));
        ConfigChecks.required("position", position, "a map with latDeg, lonDeg and optional altM");
        ConfigChecks.positive("rangeM", rangeM);
        ConfigChecks.positive("periodS", periodS);
        if (SensorDefaults.measuresRangeAzimuth(kind)) {
            ConfigChecks.positive("sigmaRangeM", sigmaRangeM);
            ConfigChecks.positive("sigmaAzimuthDeg", sigmaAzimuthDeg);
            ConfigChecks.nonNegative("sigmaPositionM", sigmaPositionM);
            ConfigChecks.nonNegative("sigmaHeightM", sigmaHeightM);
        } else {
            if (sigmaHeightM != 0) {
                throw new ConfigException(
                        "sigmaHeightM",
                        sigmaHeightM,
                        "0 or absent for a "
                                + kind
                                + " (only sensors that measure range and azimuth, 3-D radars,"
                                + " measure heights this way)");
            }
            ConfigChecks.nonNegative("sigmaRangeM", sigmaRangeM);
            ConfigChecks.nonNegative("sigmaAzimuthDeg", sigmaAzimuthDeg);
            ConfigChecks.positive("sigmaPositionM", sigmaPositionM);
        }
        if (!(detectionProbability > 0 && detectionProbability <= 1)) {
            throw new ConfigException(
                    "detectionProbability", detectionProbability, "a probability in (0, 1]");
        }
        ConfigChecks.nonNegative("clutterPerScan", clutterPerScan);
        releasability = releasability == null ? Marking.UNRESTRICTED : releasability;
        if (!Double.isNaN(maxOutOfOrdernessS)) {
            ConfigChecks.nonNegative("maxOutOfOrdernessS", maxOutOfOrdernessS);
        }
        if (!Double.isNaN(idlenessS)) {
            ConfigChecks.positive("idlenessS", idlenessS);
        }
    }

    /**
     * Whether the registry sets this sensor's out-of-orderness (else the job's default applies).
     */
    public boolean hasMaxOutOfOrderness() {
        return !Double.isNaN(maxOutOfOrdernessS);
    }

    /**
     * This sensor with another {@link #sigmaHeightM} (a 3-D radar's height error; 0: a 2-D one).
     */
    public SensorConfig withSigmaHeightM(double sigmaM) {
        return new SensorConfig(
                id,
                partnerId,
                kind,
                position,
                rangeM,
                periodS,
                sigmaRangeM,
                sigmaAzimuthDeg,
                sigmaM,
                sigmaPositionM,
                detectionProbability,
                clutterPerScan,
                releasability,
                maxOutOfOrdernessS,
                idlenessS);
    }

    /** Whether this is a 3-D radar whose plot heights are measurements ({@link #sigmaHeightM}). */
    public boolean measuresHeight() {
        return sigmaHeightM > 0;
    }

    /** Whether the registry sets this sensor's idleness (else the job's default applies). */
    public boolean hasIdleness() {
        return !Double.isNaN(idlenessS);
    }

    /** A sensor with every number at the defaults of its kind, unrestricted. */
    public static SensorConfig withDefaults(
            String id, String partnerId, SensorKind kind, GeoPoint position) {
        SensorDefaults d = SensorDefaults.of(kind);
        return new SensorConfig(
                id,
                partnerId,
                kind,
                position,
                d.rangeM(),
                d.periodS(),
                d.sigmaRangeM(),
                d.sigmaAzimuthDeg(),
                0.0,
                d.sigmaPositionM(),
                d.detectionProbability(),
                d.clutterPerScan(),
                Marking.UNRESTRICTED,
                Double.NaN,
                Double.NaN);
    }
}
