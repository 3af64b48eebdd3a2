package io.cordon.pipeline.filter;

/**
 * Coordinated turn at a known rate ω (rad/s, positive = counter-clockwise seen from above, i.e.
 * turning left), with the white-noise acceleration of {@link ConstantVelocityModel} as process
 * noise (Bar-Shalom et al. 2001, §11.7.1). For state (e, n, ve, vn):
 *
 * <pre>
 * F = [1 0  sin(ωT)/ω     -(1-cos ωT)/ω]
 *     [0 1  (1-cos ωT)/ω   sin(ωT)/ω   ]
 *     [0 0  cos ωT        -sin ωT      ]
 *     [0 0  sin ωT         cos ωT      ]
 * </pre>
 *
 * @param turnRateRadPerS ω, rad/s, non-zero
 * @param noiseDensityM2PerS3 q, m²/s³, >= 0
 */
public record CoordinatedTurnModel(double turnRateRadPerS, double noiseDensityM2PerS3)
        implements MotionModel {
    public CoordinatedTurnModel {
        if (turnRateRadPerS == 0 || !Double.isFinite(turnRateRadPerS)) {
            throw new IllegalArgumentException(
                    "turnRateRadPerS must be finite and non-zero, was " + turnRateRadPerS);
        }
        if (!(noiseDensityM2PerS3 >= 0) || !Double.isFinite(noiseDensityM2PerS3)) {
            throw new IllegalArgumentException(
                    "noiseDensityM2PerS3 must be finite and >= 0, was " + noiseDensityM2PerS3);
        }
    }

    @Override
    public void transition(double dtS, double[] out) {
        double w = turnRateRadPerS;
        double s = Math.sin(w * dtS), c = Math.cos(w * dtS);
        java.util.Arrays.fill(out, 0.0);
        out[0] = 1;
        out[2] = s / w;
        out[3] = -(1 - c) / w;
        out[5] = 1;
        out[6] = (1 - c) / w;
        out[7] = s / w;
        out[10] = c;
        out[11] = -s;
        out[14] = s;
        out[15] = c;
    }

    @Override
    public void noise(double dtS, double[] out) {
        ConstantVelocityModel.whiteAccelerationNoise(noiseDensityM2PerS3, dtS, out);
    }
}
