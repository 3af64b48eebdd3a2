package io.cordon.pipeline.detect.dark;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the non-cooperative sensors see, and how likely they are to miss a target there.
 *
 * <p>A sensor covers a position within {@link SensorConfig#rangeM()} (geodesic) of its {@link
 * SensorConfig#position()}. Treating scans as independent, the probability that every covering
 * sensor misses a target for {@code dt} seconds is {@code Π (1 - Pd_s)^(dt / period_s)}; its
 * logarithm adds up along a track's path. Cooperative feeds (AIS, ADS-B) are left out: a target can
 * switch those off, which is a different finding.
 */
public final class SensorCoverageModel {
    private final List<SensorConfig> sensors;

    public SensorCoverageModel(List<SensorConfig> sensors) {
        this.sensors = sensors.stream().filter(s -> !s.kind().cooperative()).toList();
    }

    /** The sensors that cover {@code p}, in configuration order. */
    public List<SensorConfig> covering(GeoPoint p) {
        List<SensorConfig> out = new ArrayList<>();
        for (SensorConfig s : sensors) {
            if (Geodesy.distanceM(s.position(), p) <= s.rangeM()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Natural log of the probability that all sensors covering {@code p} miss for {@code dtS}. */
    public double logMissProbability(GeoPoint p, double dtS) {
        double log = 0;
        for (SensorConfig s : covering(p)) {
            double pd = Math.min(s.detectionProbability(), 1 - 1e-12);
            log += dtS / s.periodS() * Math.log1p(-pd);
        }
        return log;
    }
}
