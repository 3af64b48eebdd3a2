/**
 * Satellite imagery detections (vessels found in SAR or optical scenes) as GeoJSON (RFC 7946): a
 * {@code FeatureCollection} of, or a single, {@code Feature} with a {@code Point} geometry {@code
 * [lon, lat]} or {@code [lon, lat, height_m]} (WGS84 degrees, metres above the ellipsoid).
 *
 * <p>Properties (Cordon's definition; units in the names):
 *
 * <table>
 *   <caption>Satellite detection properties</caption>
 *   <tr><th>name</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>{@code time}</td><td>string, required</td><td>acquisition time of the scene, RFC
 *       3339 with offset ({@code 2026-03-01T10:15:30.5Z})</td></tr>
 *   <tr><td>{@code sigma_major_m}, {@code sigma_minor_m}, {@code orientation_deg}</td><td>numbers,
 *       together</td><td>one-sigma position uncertainty ellipse: semi-axes in metres
 *       (major >= minor > 0) and the major axis' direction, degrees clockwise from true
 *       north</td></tr>
 *   <tr><td>{@code cov_ee_m2}, {@code cov_en_m2}, {@code cov_nn_m2}</td><td>numbers,
 *       together</td><td>the same uncertainty as a covariance in the local east-north frame,
 *       m^2 (positive definite); give the ellipse or the covariance, not both; with neither the
 *       sensor's default accuracy applies</td></tr>
 *   <tr><td>{@code vessel_length_m}</td><td>number, optional</td><td>estimated length overall,
 *       metres, > 0</td></tr>
 *   <tr><td>{@code vessel_class}</td><td>string, optional</td><td>the provider's class, e.g.
 *       {@code fishing}, {@code cargo}, {@code tanker}, {@code passenger}, {@code
 *       other}</td></tr>
 *   <tr><td>{@code confidence}</td><td>number, optional</td><td>probability that the detection
 *       is a vessel, [0, 1]</td></tr>
 *   <tr><td>{@code source}</td><td>string, optional</td><td>satellite or product, e.g. {@code
 *       Sentinel-1A}</td></tr>
 *   <tr><td>{@code detection_id}</td><td>string, optional</td><td>the provider's id; the
 *       feature's own {@code id} member is used when present</td></tr>
 * </table>
 *
 * Other properties are ignored.
 */
package io.cordon.connectors.geojson;
