package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.identity.IdentityConflictDetector;
import io.cordon.pipeline.detect.identity.IdentityConflictParameters;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.pipeline.simulation.MmsiClone;
import io.cordon.pipeline.track.EntityTrack;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Identity conflict end to end on the border simulation with MMSI clones ({@link
 * BorderSimulation#withMmsiClones}): the example configuration's sensors and crossing fraction,
 * {@value #TARGETS} targets over {@value #DURATION_S} s, {@value #SPOOFED} spoofed clones (a second
 * transponder with a carrier's MMSI 5-15 km away) and {@value #NEAR} near clones (within 800 m: a
 * decoy) per seed, seeds 1-8; simulation → tracker → {@link IdentityConflictDetector} with the
 * configuration's parameters ({@link SimulationRun}). The other decoys are the carriers themselves:
 * every transponder reporting while it moves, the tracker's broken and re-born tracks of one
 * vessel.
 *
 * <p>Matching: a {@code NEW} alert matches a spoof when it names the spoof's MMSI ({@code
 * identity}) and its time (when the conflict was found) is within {@value #WINDOW_S} s of the
 * clone's first transmission; one to one, closest in time first (the place of an alert is the
 * position of whichever of the two tracks updated then, so it is not used). Every other alert is
 * false: on a near clone, twice on one spoof, on an MMSI nobody cloned. Latency: event time of the
 * update that raised it minus the clone's first transmission.
 */
class IdentityConflictScoreTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final int TARGETS = 60;
    private static final double DURATION_S = 1200;
    private static final int SPOOFED = 3;
    private static final int NEAR = 2;

    /**
     * The clone's track must be confirmed and carry the MMSI: a few scans and its first AIS reports
     * (class B every 30 s).
     */
    private static final double WINDOW_S = 120;

    @Test
    void spoofedMmsisAreFound_nearClonesAndMovingCarriersAreNot() {
        IdentityConflictParameters parameters =
                IdentityConflictParameters.from(
                        CONFIG.detectors().of(IdentityConflictDetector.NAME));
        int events = 0;
        int decoys = 0;
        int alerts = 0;
        int matched = 0;
        int onNear = 0;
        int onSpoofed = 0;
        int takeovers = 0;
        List<Double> latencies = new ArrayList<>();
        for (long seed : SEEDS) {
            BorderSimulation sim =
                    SimulationRun.simulation(
                                    CONFIG, CONFIG.sensors(), EPOCH, seed, TARGETS, DURATION_S)
                            .withMmsiClones(SPOOFED, NEAR, DURATION_S);
            List<MmsiClone> clones = sim.mmsiClones();
            List<MmsiClone> spoofs = clones.stream().filter(c -> !c.near()).toList();
            List<EntityTrack> updates =
                    SimulationRun.fuse(CONFIG, sim.observationsBetween(-1, DURATION_S));
            List<BenchDetection.Raised> raised =
                    SimulationRun.keyed(new IdentityConflictDetector(parameters), updates);
            int seedTakeovers = 0;
            for (Alert a :
                    DetectorReplay.keyed(new IdentityConflictDetector(parameters), updates)) {
                if ("trackReplaced".equals(a.evidence().get("reason"))) {
                    seedTakeovers++;
                }
            }
            boolean[] used = new boolean[raised.size()];
            int seedMatched = 0;
            List<double[]> candidates = new ArrayList<>(); // |dt|, alert, spoof
            for (int a = 0; a < raised.size(); a++) {
                String identity = raised.get(a).alert().evidence().get("identity");
                double t = Geodesy.secondsBetween(EPOCH, raised.get(a).alert().windowStart());
                for (int e = 0; e < spoofs.size(); e++) {
                    MmsiClone c = spoofs.get(e);
                    double dt = Math.abs(t - c.firstTransmissionS());
                    if (identity.equals("mmsi:" + c.mmsi()) && dt <= WINDOW_S) {
                        candidates.add(new double[] {dt, a, e});
                    }
                }
            }
            candidates.sort((x, y) -> Arrays.compare(x, y));
            boolean[] found = new boolean[spoofs.size()];
            for (double[] c : candidates) {
                int a = (int) c[1];
                int e = (int) c[2];
                if (!used[a] && !found[e]) {
                    used[a] = true;
                    found[e] = true;
                    seedMatched++;
                    latencies.add(
                            Geodesy.secondsBetween(EPOCH, raised.get(a).raisedAt())
                                    - spoofs.get(e).firstTransmissionS());
                }
            }
            for (BenchDetection.Raised r : raised) {
                String identity = r.alert().evidence().get("identity");
                if (clones.stream()
                        .anyMatch(c -> c.near() && identity.equals("mmsi:" + c.mmsi()))) {
                    onNear++;
                }
                if (spoofs.stream().anyMatch(c -> identity.equals("mmsi:" + c.mmsi()))) {
                    onSpoofed++;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "seed %d identity conflict: spoofs %d, near clones %d, alerts %d, matched %d,"
                            + " takeover updates %d%n",
                    seed,
                    spoofs.size(),
                    clones.size() - spoofs.size(),
                    raised.size(),
                    seedMatched,
                    seedTakeovers);
            for (int a = 0; a < raised.size(); a++) {
                if (!used[a]) {
                    System.out.println("  unmatched: " + raised.get(a).alert().summary());
                }
            }
            events += spoofs.size();
            decoys += clones.size() - spoofs.size();
            alerts += raised.size();
            matched += seedMatched;
            takeovers += seedTakeovers;
        }
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "identity conflict, seeds 1-8: spoofs %d, near clones %d, alerts %d (on near"
                        + " clones %d, naming a spoofed MMSI %d), matched %d, precision %.3f, recall %.3f,"
                        + " takeover updates %d; latency after the"
                        + " clone's first transmission min %.1f s, median %.1f s, max %.1f s%n",
                events,
                decoys,
                alerts,
                onNear,
                onSpoofed,
                matched,
                alerts == 0 ? 1.0 : (double) matched / alerts,
                (double) matched / events,
                takeovers,
                l.length == 0 ? Double.NaN : l[0],
                l.length == 0 ? Double.NaN : l[l.length / 2],
                l.length == 0 ? Double.NaN : l[l.length - 1]);
        // Measured at seeds 1-8 (1.2.0): 24 spoofs, 16 near clones, 24 alerts, 24 matched (recall
        // 1.000, precision 1.000), none on a near clone, all naming a spoofed MMSI; latency 0 s
        // (median; max 60 s): the clone's radar track is confirmed before its first report, which
        // brings the MMSI and the conflict with it. One spoof of seed 8 (14.7 km away, an AIS-only
        // track deleted and re-created about once a minute) is one alert with 11 takeover UPDATEs
        // (21 since the tracker's birth and cooperative-miss rules of be528fc and 68375ee);
        // 1.1.0, keying a conflict by its pair of tracks, raised 11 more NEW alerts for it (35
        // alerts, precision 0.686). At 24 spoofs the precision bound admits no extra alert.
        assertThat(events).isEqualTo(SEEDS.length * SPOOFED);
        assertThat(decoys).isEqualTo(SEEDS.length * NEAR);
        assertThat((double) matched / events).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat(onNear).as("alerts on near clones").isZero();
        assertThat(onSpoofed).as("alerts naming a spoofed MMSI").isEqualTo(alerts);
        assertThat((double) matched / alerts)
                .as("precision (one alert per spoof)")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(takeovers).as("UPDATEs with reason=trackReplaced").isPositive();
    }
}
