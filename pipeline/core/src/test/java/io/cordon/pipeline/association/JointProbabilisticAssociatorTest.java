package io.cordon.pipeline.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JointProbabilisticAssociatorTest {
    private static final double PG = 0.99;
    // Two tracks (P_D 0.9 and 0.8) and two measurements a, b (clutter density 1e-6 and 2e-6 per
    // m^2), every pair gated, with innovation likelihoods g (per m^2).
    private static final double PD1 = 0.9, PD2 = 0.8;
    private static final double LA = 1e-6, LB = 2e-6;
    private static final double G1A = 4e-6, G1B = 1e-6, G2A = 3e-6, G2B = 5e-6;

    /** The pair cost the tracker hands over: -ln(P_D g / (lambda (1 - P_D))). */
    private static double cost(double pd, double g, double lambda) {
        return -Math.log(pd * g / (lambda * (1 - pd)));
    }

    private final int[] pairTrack = {0, 0, 1, 1};
    private final int[] pairMeasurement = {0, 1, 0, 1};
    private final double[] pairCost = {
        cost(PD1, G1A, LA), cost(PD1, G1B, LB), cost(PD2, G2A, LA), cost(PD2, G2B, LB)
    };
    private final double[] pairDetection = {PD1, PD1, PD2, PD2};
    private final double[] beta = new double[4];
    private final double[] miss = new double[2];

    @Test
    void marginalsOfTwoTracksAndTwoMeasurementsAreTheHandWorkedOnes() {
        new JointProbabilisticAssociator(PG, false)
                .associate(
                        2,
                        2,
                        4,
                        pairTrack,
                        pairMeasurement,
                        pairCost,
                        pairDetection,
                        new boolean[] {true, true},
                        beta,
                        miss);
        // The seven feasible joint events, each P(theta) ~ prod over its pairs of P_D g / lambda
        // times prod over its undetected tracks of (1 - P_D P_G).
        double m1 = 1 - PD1 * PG, m2 = 1 - PD2 * PG;
        double a1 = PD1 * G1A / LA, b1 = PD1 * G1B / LB;
        double a2 = PD2 * G2A / LA, b2 = PD2 * G2B / LB;
        double none = m1 * m2;
        double only1a = a1 * m2, only1b = b1 * m2, only2a = m1 * a2, only2b = m1 * b2;
        double both1a2b = a1 * b2, both1b2a = b1 * a2;
        double z = none + only1a + only1b + only2a + only2b + both1a2b + both1b2a;
        assertThat(beta[0]).isCloseTo((only1a + both1a2b) / z, within(1e-12));
        assertThat(beta[1]).isCloseTo((only1b + both1b2a) / z, within(1e-12));
        assertThat(beta[2]).isCloseTo((only2a + both1b2a) / z, within(1e-12));
        assertThat(beta[3]).isCloseTo((only2b + both1a2b) / z, within(1e-12));
        assertThat(miss[0]).isCloseTo((none + only2a + only2b) / z, within(1e-12));
        assertThat(miss[1]).isCloseTo((none + only1a + only1b) / z, within(1e-12));
        // A measurement is claimed by at most one track in each event.
        assertThat(beta[0] + beta[2]).isLessThan(1.0);
        assertThat(beta[1] + beta[3]).isLessThan(1.0);
    }

    @Test
    void jpdaStarKeepsOnlyTheLikelierPermutation() {
        new JointProbabilisticAssociator(PG, true)
                .associate(
                        2,
                        2,
                        4,
                        pairTrack,
                        pairMeasurement,
                        pairCost,
                        pairDetection,
                        new boolean[] {true, true},
                        beta,
                        miss);
        double m1 = 1 - PD1 * PG, m2 = 1 - PD2 * PG;
        double a1 = PD1 * G1A / LA, b1 = PD1 * G1B / LB;
        double a2 = PD2 * G2A / LA, b2 = PD2 * G2B / LB;
        // (1a, 2b) and (1b, 2a) detect the same tracks with the same measurements: only the
        // likelier, (1a, 2b) here, is kept.
        assertThat(a1 * b2).isGreaterThan(b1 * a2);
        double z = m1 * m2 + a1 * m2 + b1 * m2 + m1 * a2 + m1 * b2 + a1 * b2;
        assertThat(beta[0]).isCloseTo((a1 * m2 + a1 * b2) / z, within(1e-12));
        assertThat(beta[1]).isCloseTo(b1 * m2 / z, within(1e-12));
        assertThat(beta[2]).isCloseTo(m1 * a2 / z, within(1e-12));
        assertThat(beta[3]).isCloseTo((m1 * b2 + a1 * b2) / z, within(1e-12));
        assertThat(miss[0]).isCloseTo((m1 * m2 + m1 * a2 + m1 * b2) / z, within(1e-12));
    }

    @Test
    void oneTrackWithClutterIsPda() {
        // Single-track PDA: beta_j = r_j / (1 + sum r), beta_0 = 1 / (1 + sum r), with r_j = P_D
        // g_j / (lambda_j (1 - P_D P_G)).
        double[] b = new double[2], m = new double[1];
        new JointProbabilisticAssociator(PG, false)
                .associate(
                        1,
                        2,
                        2,
                        new int[] {0, 0},
                        new int[] {0, 1},
                        new double[] {cost(PD1, G1A, LA), cost(PD1, G1B, LB)},
                        new double[] {PD1, PD1},
                        new boolean[] {true},
                        b,
                        m);
        double ra = PD1 * G1A / (LA * (1 - PD1 * PG)), rb = PD1 * G1B / (LB * (1 - PD1 * PG));
        assertThat(b[0]).isCloseTo(ra / (1 + ra + rb), within(1e-12));
        assertThat(b[1]).isCloseTo(rb / (1 + ra + rb), within(1e-12));
        assertThat(m[0]).isCloseTo(1 / (1 + ra + rb), within(1e-12));
    }

    @Test
    void clustersWithoutAConfirmedTrackUnambiguousOrTooLargeAreLeftToGnn() {
        JointProbabilisticAssociator jpda = new JointProbabilisticAssociator(PG, false);
        // Tentative tracks only.
        int enumerated =
                jpda.associate(
                        2,
                        2,
                        4,
                        pairTrack,
                        pairMeasurement,
                        pairCost,
                        pairDetection,
                        new boolean[] {false, false},
                        beta,
                        miss);
        assertThat(enumerated).isZero();
        assertThat(beta).containsOnly(Double.NaN);
        assertThat(miss).containsOnly(Double.NaN);
        // Track 0 with one measurement (unambiguous), tracks 1-7 sharing measurement 1 (seven
        // tracks, above MAX_TRACKS), tracks 8 and 9 sharing measurement 2 (enumerated).
        int tracks = 10;
        int[] pt = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] pm = {0, 1, 1, 1, 1, 1, 1, 1, 2, 2};
        double[] pc = new double[10];
        double[] pd = new double[10];
        java.util.Arrays.fill(pc, -2.0);
        java.util.Arrays.fill(pd, 0.9);
        boolean[] confirmed = new boolean[tracks];
        java.util.Arrays.fill(confirmed, true);
        double[] b = new double[10], m = new double[tracks];
        enumerated = jpda.associate(tracks, 3, 10, pt, pm, pc, pd, confirmed, b, m);
        assertThat(enumerated).isEqualTo(2);
        for (int p = 0; p < 8; p++) {
            assertThat(b[p]).isNaN();
            assertThat(m[p]).isNaN();
        }
        // Two equal tracks sharing one measurement: each takes it with the same probability.
        assertThat(b[8]).isCloseTo(b[9], within(1e-15));
        double r = Math.exp(2.0) * (1 - 0.9) / (1 - 0.9 * PG);
        assertThat(b[8]).isCloseTo(r / (1 + 2 * r), within(1e-12));
        assertThat(m[8]).isCloseTo((1 + r) / (1 + 2 * r), within(1e-12));
    }

    @Test
    void aLargestClusterIsEnumeratedWithoutOverflow() {
        // Six tracks and eight measurements, every pair gated with a very likely association:
        // per-track scaling keeps the products finite, and the marginals are probabilities.
        int n = JointProbabilisticAssociator.MAX_TRACKS;
        int m = JointProbabilisticAssociator.MAX_MEASUREMENTS;
        int pairs = n * m;
        int[] pt = new int[pairs], pm = new int[pairs];
        double[] pc = new double[pairs], pd = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            pt[p] = p / m;
            pm[p] = p % m;
            pc[p] = -200.0 - (p % 7);
            pd[p] = 0.9;
        }
        boolean[] confirmed = new boolean[n];
        confirmed[3] = true;
        double[] b = new double[pairs], miss = new double[n];
        int enumerated =
                new JointProbabilisticAssociator(PG, false)
                        .associate(n, m, pairs, pt, pm, pc, pd, confirmed, b, miss);
        assertThat(enumerated).isEqualTo(n);
        for (int k = 0; k < n; k++) {
            double sum = miss[k];
            for (int j = 0; j < m; j++) {
                assertThat(b[k * m + j]).isBetween(0.0, 1.0);
                sum += b[k * m + j];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
        for (int j = 0; j < m; j++) {
            double claimed = 0;
            for (int k = 0; k < n; k++) {
                claimed += b[k * m + j];
            }
            assertThat(claimed).isLessThanOrEqualTo(1.0 + 1e-9);
        }
    }
}
