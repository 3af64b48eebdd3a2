/**
 * Publishes the simulated sensors' observations to the observations topic in (scaled) real time.
 */
package io.cordon.jobs.sim;
