/**
 * Borders and geography: which country a position is in, whether a move crossed a border line,
 * where, between which countries, and whether at a port of entry.
 *
 * <p>Geometry is held in longitude/latitude degrees (x = lon, y = lat, WGS84), as GeoJSON and JTS
 * use it; a border edge is the straight segment between its vertices in that plane (plate carrée),
 * which is exact for borders that follow a parallel, such as 31°20'N. Distances are metres in a
 * local tangent approximation at the query point (error well under 0.1 % below 10 km). Queries go
 * through an STR-tree and prepared geometries, so one costs microseconds, not a scan of the
 * continent.
 */
package io.cordon.pipeline.border;
