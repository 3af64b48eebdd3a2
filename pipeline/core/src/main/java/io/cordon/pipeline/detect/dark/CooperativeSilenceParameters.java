package io.cordon.pipeline.detect.dark;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link CooperativeSilenceDetector} ({@code detectors.cooperativeSilence}).
 *
 * @param aisSilenceS a track identified by AIS (MMSI) alerts when no AIS report has been fused for
 *     this long while it is inside AIS coverage, s. Default 180 s: class A transponders report
 *     every 2-10 s under way (3 min at anchor), class B every 30 s; with a reception probability of
 *     50 % per report (crowded VHF slots, range) a class B vessel still gets a report through
 *     within 3 min with probability 1 - 0.5^6 ≈ 98 %.
 * @param adsbSilenceS the same for a track identified by ADS-B (ICAO 24-bit address), s. Default 30
 *     s: ADS-B positions come about twice a second (1/s counting losses), so 30 s is some 30 missed
 *     reports in a row.
 * @param neverCooperativeS when > 0, a VESSEL or AIRCRAFT classified track that never had a
 *     cooperative report or identity alerts after this long inside the coverage of the cooperative
 *     sensors of its kind, s. Default 0 (off): small boats, light aircraft and partner craft are
 *     not required to carry AIS / ADS-B, so at a border most such tracks are legitimate, and the
 *     classification of a track is often a guess; enable it where carriage is mandatory.
 * @param maxNonCooperativeAgeS the track counts as still held by the non-cooperative sensors only
 *     when one of them contributed within this long before the update, s. Default 60 s: two
 *     satellite-free radar revisits plus the tracker's coasting; a track kept alive only by its
 *     last AIS report and prediction is the other dark-target finding.
 * @param severity severity of the alert (default MEDIUM)
 */
public record CooperativeSilenceParameters(
        double aisSilenceS,
        double adsbSilenceS,
        double neverCooperativeS,
        double maxNonCooperativeAgeS,
        Severity severity) {
    public static final CooperativeSilenceParameters DEFAULTS =
            new CooperativeSilenceParameters(180, 30, 0, 60, Severity.MEDIUM);

    public CooperativeSilenceParameters {
        positive("aisSilenceS", aisSilenceS);
        positive("adsbSilenceS", adsbSilenceS);
        positive("maxNonCooperativeAgeS", maxNonCooperativeAgeS);
        if (!(neverCooperativeS >= 0) || !Double.isFinite(neverCooperativeS)) {
            throw new ConfigException(
                    "neverCooperativeS",
                    neverCooperativeS,
                    "a finite number of seconds >= 0 (0 = off)");
        }
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    private static void positive(String key, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new ConfigException(key, v, "a finite number of seconds > 0");
        }
    }

    public static CooperativeSilenceParameters from(ParameterSection s) {
        s.allowOnly(
                "aisSilenceS",
                "adsbSilenceS",
                "neverCooperativeS",
                "maxNonCooperativeAgeS",
                "severity");
        CooperativeSilenceParameters d = DEFAULTS;
        return s.build(
                () ->
                        new CooperativeSilenceParameters(
                                s.number("aisSilenceS", d.aisSilenceS()),
                                s.number("adsbSilenceS", d.adsbSilenceS()),
                                s.number("neverCooperativeS", d.neverCooperativeS()),
                                s.number("maxNonCooperativeAgeS", d.maxNonCooperativeAgeS()),
                                s.enumValue("severity", Severity.class, d.severity())));
    }
}
