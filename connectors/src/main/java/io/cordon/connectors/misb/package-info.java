/**
 * MISB KLV metadata from drones: ST 0601 UAS Datalink Local Set (platform, sensor and frame centre
 * geometry) and ST 0903 VMTI Local Set (video moving target detections), standalone or nested in ST
 * 0601 tag 74, decoded without third-party libraries from the published tag tables.
 *
 * <p>References: MISB ST 0601.19 (tags, conversions, checksum), ST 0903.6 with its VTarget pack and
 * LocationPack, ST 0107 (BER lengths and BER-OID tags), ST 1201 (IMAPB floats), ST 0603 (precision
 * time stamps: microseconds since 1970-01-01T00:00:00Z).
 */
package io.cordon.connectors.misb;
