/**
 * Gaussian state estimation for a horizontal kinematic state (east, north, velocity east, velocity
 * north) in the tracker's ENU reference plane: motion models (predictors), measurement models with
 * their linearisation, the Kalman update (extended, and unscented for a measurement far from linear
 * over the prior), and the interacting multiple model mixer.
 *
 * <p>References: Bar-Shalom, Li and Kirubarajan, <i>Estimation with Applications to Tracking and
 * Navigation</i>, Wiley 2001 (§6.3 white-noise acceleration model, §10.4 EKF, §11.6 IMM,
 * coordinated turn §11.7).
 */
package io.cordon.pipeline.filter;
