/**
 * What the caller knows about a sensor that its format does not say: owner, releasability and
 * accuracy defaults, so that every format yields observations with provenance and a covariance.
 */
package io.cordon.connectors.sensor;
