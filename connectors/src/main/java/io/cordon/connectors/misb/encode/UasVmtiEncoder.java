package io.cordon.connectors.misb.encode;

import io.cordon.connectors.misb.KlvChecksum;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes one drone video frame's detections as one MISB ST 0601 UAS Datalink Local Set: the 16-byte
 * Universal Key, a BER length, then the items
 *
 * <ul>
 *   <li>2, precision time stamp: 8 bytes, microseconds since 1970 (ST 0603);
 *   <li>3, mission id and 10, platform designation (text), when not empty;
 *   <li>13 / 14, sensor latitude / longitude: int32, raw = value * (2^32 - 2) / 180 (resp. 360),
 *       rounded; an unknown (NaN) position is written as the "out of range" value 0x80000000;
 *   <li>15, sensor true altitude: uint16, raw = (value + 900) * 65535 / 19900, rounded, left out
 *       when unknown;
 *   <li>65, UAS LS version ({@value #UAS_LS_VERSION});
 *   <li>74, the ST 0903 VMTI Local Set (no key, no checksum of its own): 2 time stamp (the same), 3
 *       system name, 4 version ({@value #VMTI_VERSION}), 5 targets detected, 6 targets reported,
 *       101 the VTarget series: per detection a BER length, the target id (BER-OID, 1, 2, ... in
 *       frame order) and item 17, the LocationPack;
 *   <li>1, checksum: {@link KlvChecksum} over the packet from the key's first byte to the
 *       checksum's length byte, as ST 0601 requires (last item).
 * </ul>
 *
 * <p>LocationPack (ST 0903): latitude IMAPB(-90, 90, 4 bytes), longitude IMAPB(-180, 180, 4),
 * height above the ellipsoid IMAPB(-900, 19000, 2); when the detection has standard deviations, 22
 * bytes with sigma latitude, longitude and height IMAPB(0, 650, 2) (an unknown or non-positive
 * height sigma as the ST 1201 positive quiet NaN, 0xD000) and the correlations lat-lon, lat-height,
 * lon-height IMAPB(-1, 1, 2) (the latter two 0). IMAPB per ST 1201: y = floor(sF (x - min) +
 * zOffset), so a decoded value lies within one step below the written one: 2^-23 degree of latitude
 * (1.3 cm), 2^-22 degree of longitude, 1 m of height, 2^-5 m of sigma and 2^-14 of correlation.
 * Values outside a mapping's range are clamped to it.
 */
public final class UasVmtiEncoder {
    /** The ST 0601 version written in tag 65. */
    public static final int UAS_LS_VERSION = 19;

    /** The ST 0903 version written in VMTI tag 4. */
    public static final int VMTI_VERSION = 6;

    private static final byte[] UAS_DATALINK_KEY = {
        0x06, 0x0E, 0x2B, 0x34, 0x02, 0x0B, 0x01, 0x01, 0x0E, 0x01, 0x03, 0x01, 0x01, 0x00, 0x00,
        0x00
    };

    private static final double S32 = 4294967294.0;
    private static final double U16 = 65535.0;

    private UasVmtiEncoder() {}

    /**
     * One frame.
     *
     * @param time when the frame was taken (written to the microsecond)
     * @param missionId ST 0601 tag 3 (empty: left out)
     * @param platformDesignation ST 0601 tag 10 (empty: left out)
     * @param sensorLatDeg the camera's latitude (NaN: out of range)
     * @param sensorLonDeg the camera's longitude (NaN: out of range)
     * @param sensorAltitudeM the camera's altitude above mean sea level (NaN: left out)
     * @param systemName the VMTI system name (VMTI tag 3)
     * @param targets the detections, at most 127 (in the VTarget series' order)
     */
    public record Frame(
            Instant time,
            String missionId,
            String platformDesignation,
            double sensorLatDeg,
            double sensorLonDeg,
            double sensorAltitudeM,
            String systemName,
            List<Target> targets) {
        public Frame {
            if (time == null || time.isBefore(Instant.EPOCH)) {
                throw new IllegalArgumentException("time must be at or after 1970, was " + time);
            }
            missionId = missionId == null ? "" : missionId;
            platformDesignation = platformDesignation == null ? "" : platformDesignation;
            systemName = systemName == null ? "" : systemName;
            targets = List.copyOf(targets);
            if (targets.size() > 127) {
                throw new IllegalArgumentException(
                        "at most 127 targets per frame, was " + targets.size());
            }
        }
    }

    /**
     * One located detection.
     *
     * @param latDeg WGS84 latitude
     * @param lonDeg WGS84 longitude
     * @param haeM height above the WGS84 ellipsoid, metres (NaN: written as 0)
     * @param sigmaLatM one-sigma error north, metres (NaN with sigmaLonM: a 10-byte pack)
     * @param sigmaLonM one-sigma error east, metres
     * @param rhoLatLon correlation of the two errors, [-1, 1] (NaN: 0)
     * @param sigmaHaeM one-sigma error of the height, metres (NaN or not above 0: unknown, so the
     *     decoder takes the height as no measurement); written only in a 22-byte pack
     */
    public record Target(
            double latDeg,
            double lonDeg,
            double haeM,
            double sigmaLatM,
            double sigmaLonM,
            double rhoLatLon,
            double sigmaHaeM) {
        /** A detection whose height sigma is unknown. */
        public Target(
                double latDeg,
                double lonDeg,
                double haeM,
                double sigmaLatM,
                double sigmaLonM,
                double rhoLatLon) {
            this(latDeg, lonDeg, haeM, sigmaLatM, sigmaLonM, rhoLatLon, Double.NaN);
        }

        public Target {
            if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
                throw new IllegalArgumentException(
                        "position " + latDeg + ", " + lonDeg + " outside WGS84 ranges");
            }
        }

        boolean hasSigmas() {
            return Double.isFinite(sigmaLatM) && Double.isFinite(sigmaLonM);
        }
    }

    /** The frame as one ST 0601 packet with its checksum. */
    public static byte[] encode(Frame f) {
        long micros =
                Math.addExact(
                        Math.multiplyExact(f.time().getEpochSecond(), 1_000_000L),
                        f.time().getNano() / 1_000);
        Items vmti = new Items();
        vmti.item(2, big(micros, 8));
        if (!f.systemName().isEmpty()) {
            vmti.item(3, f.systemName().getBytes(StandardCharsets.UTF_8));
        }
        vmti.item(4, new byte[] {VMTI_VERSION});
        vmti.item(5, big(f.targets().size(), 1));
        vmti.item(6, big(f.targets().size(), 1));
        ByteArrayOutputStream series = new ByteArrayOutputStream();
        for (int k = 0; k < f.targets().size(); k++) {
            Items pack = new Items();
            pack.out.write(k + 1); // target id, a one-byte BER-OID (< 128)
            pack.item(17, locationPack(f.targets().get(k)));
            byte[] p = pack.bytes();
            series.writeBytes(berLength(p.length));
            series.writeBytes(p);
        }
        vmti.item(101, series.toByteArray());

        Items uas = new Items();
        uas.item(2, big(micros, 8));
        if (!f.missionId().isEmpty()) {
            uas.item(3, f.missionId().getBytes(StandardCharsets.UTF_8));
        }
        if (!f.platformDesignation().isEmpty()) {
            uas.item(10, f.platformDesignation().getBytes(StandardCharsets.UTF_8));
        }
        uas.item(13, big(signed(f.sensorLatDeg(), 180), 4));
        uas.item(14, big(signed(f.sensorLonDeg(), 360), 4));
        if (Double.isFinite(f.sensorAltitudeM())) {
            double raw = Math.round((f.sensorAltitudeM() + 900) * U16 / 19900);
            uas.item(15, big((long) Math.max(0, Math.min(U16, raw)), 2));
        }
        uas.item(65, new byte[] {UAS_LS_VERSION});
        uas.item(74, vmti.bytes());
        byte[] items = uas.bytes();

        ByteArrayOutputStream packet = new ByteArrayOutputStream(items.length + 24);
        packet.writeBytes(UAS_DATALINK_KEY);
        packet.writeBytes(berLength(items.length + 4));
        packet.writeBytes(items);
        packet.write(0x01);
        packet.write(0x02);
        byte[] b = packet.toByteArray();
        int sum = KlvChecksum.compute(b, 0, b.length);
        packet.write(sum >>> 8);
        packet.write(sum & 0xFF);
        return packet.toByteArray();
    }

    private static byte[] locationPack(Target t) {
        double hae = Double.isFinite(t.haeM()) ? t.haeM() : 0.0;
        ByteArrayOutputStream p = new ByteArrayOutputStream(22);
        p.writeBytes(imapb(t.latDeg(), -90, 90, 4));
        p.writeBytes(imapb(t.lonDeg(), -180, 180, 4));
        p.writeBytes(imapb(hae, -900, 19000, 2));
        if (t.hasSigmas()) {
            p.writeBytes(imapb(t.sigmaLatM(), 0, 650, 2));
            p.writeBytes(imapb(t.sigmaLonM(), 0, 650, 2));
            if (t.sigmaHaeM() > 0) {
                p.writeBytes(imapb(t.sigmaHaeM(), 0, 650, 2));
            } else {
                p.writeBytes(new byte[] {(byte) 0xD0, 0x00}); // height sigma unknown: +quiet NaN
            }
            p.writeBytes(imapb(Double.isFinite(t.rhoLatLon()) ? t.rhoLatLon() : 0.0, -1, 1, 2));
            p.writeBytes(imapb(0.0, -1, 1, 2));
            p.writeBytes(imapb(0.0, -1, 1, 2));
        }
        return p.toByteArray();
    }

    /**
     * ST 1201 IMAPB forward mapping of {@code x}, clamped to [min, max], on {@code length} bytes.
     */
    static byte[] imapb(double x, double min, double max, int length) {
        int bPow = (int) Math.ceil(Math.log(max - min) / Math.log(2));
        int dPow = 8 * length - 1;
        double sF = Math.scalb(1.0, dPow - bPow);
        double zOffset = min < 0 && max > 0 ? sF * min - Math.floor(sF * min) : 0.0;
        double clamped = Math.max(min, Math.min(max, x));
        long y = (long) Math.floor(sF * (clamped - min) + zOffset);
        long top = (1L << dPow) - 1; // the MSB flags ST 1201's special values
        return big(Math.max(0, Math.min(top, y)), length);
    }

    /** A signed ST 0601 angle on 4 bytes: raw = value (2^32 - 2) / range, NaN out of range. */
    private static long signed(double value, double range) {
        if (!Double.isFinite(value)) {
            return 0x8000_0000L;
        }
        double raw = Math.round(value * S32 / range);
        return (long) Math.max(-S32 / 2, Math.min(S32 / 2, raw));
    }

    private static byte[] berLength(int length) {
        if (length < 128) {
            return new byte[] {(byte) length};
        }
        int n = length < 0x100 ? 1 : length < 0x1_0000 ? 2 : length < 0x100_0000 ? 3 : 4;
        byte[] out = new byte[1 + n];
        out[0] = (byte) (0x80 | n);
        for (int i = 0; i < n; i++) {
            out[1 + i] = (byte) (length >>> (8 * (n - 1 - i)));
        }
        return out;
    }

    private static byte[] big(long value, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (value >>> (8 * (length - 1 - i)));
        }
        return out;
    }

    /** Items of a local set with one-byte tags (all tags written here are below 128). */
    private static final class Items {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        void item(int tag, byte[] value) {
            out.write(tag);
            out.writeBytes(berLength(value.length));
            out.writeBytes(value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
