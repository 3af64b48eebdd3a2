package io.cordon.connectors.asterix.encode;

import io.cordon.connectors.asterix.cat034.Cat034Uap;
import io.cordon.connectors.asterix.cat048.Cat048Uap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes primary-radar plots as CAT048 target reports (EUROCONTROL-SPEC-0149-4 edition 1.21) and a
 * scan's start as a CAT034 north marker (EUROCONTROL-SPEC-0149-2b edition 1.27).
 *
 * <p>A CAT048 record carries I010 (SAC/SIC), I140 (time of day, 1/128 s), I020 (TYP = 1, single PSR
 * detection) and I040 (RHO 1/256 NM, THETA 360/2^16 degrees). The encoding rounds to those
 * resolutions: time to 7.8 ms, range to 7.23 m, azimuth to 0.0055 degrees. A CAT034 north marker
 * carries I010, I000 = 1, I030 (time of day) and I041 (antenna rotation period, 1/128 s).
 */
public final class Cat048Encoder {
    /** Metres per international nautical mile. */
    static final double M_PER_NM = 1852.0;

    /** Largest range I040 RHO can hold (just under 256 NM), metres. */
    public static final double MAX_RANGE_M = 65535 / 256.0 * M_PER_NM;

    /** Records per data block; a datagram of a busy scan holds several blocks. */
    public static final int DEFAULT_RECORDS_PER_BLOCK = 32;

    private final int sac;
    private final int sic;

    /**
     * @param sac System Area Code of the radar, 0 to 255
     * @param sic System Identification Code of the radar, 0 to 255
     */
    public Cat048Encoder(int sac, int sic) {
        if (sac < 0 || sac > 255 || sic < 0 || sic > 255) {
            throw new IllegalArgumentException(
                    "SAC and SIC must be in [0, 255], were " + sac + " and " + sic);
        }
        this.sac = sac;
        this.sic = sic;
    }

    public int sac() {
        return sac;
    }

    public int sic() {
        return sic;
    }

    /**
     * One plot: a primary radar detection.
     *
     * @param time when the antenna saw it (UTC)
     * @param rangeM slant range from the radar, metres, [0, {@link #MAX_RANGE_M}]
     * @param azimuthDeg azimuth clockwise from the radar's north, degrees (any value; taken modulo
     *     360)
     * @param heightM the target's height as a 3-D radar measures it (I110, 25 ft steps), m, within
     *     ±{@link #MAX_HEIGHT_M}; NaN for none (a 2-D radar, or a surface target)
     */
    public record Plot(Instant time, double rangeM, double azimuthDeg, double heightM) {
        /** A plot without a height. */
        public Plot(Instant time, double rangeM, double azimuthDeg) {
            this(time, rangeM, azimuthDeg, Double.NaN);
        }

        public Plot {
            if (time == null) {
                throw new IllegalArgumentException("plot time is required");
            }
            if (!(rangeM >= 0 && rangeM <= MAX_RANGE_M)) {
                throw new IllegalArgumentException(
                        "plot range must be in [0, " + MAX_RANGE_M + "] m, was " + rangeM);
            }
            if (!Double.isFinite(azimuthDeg)) {
                throw new IllegalArgumentException(
                        "plot azimuth must be finite, was " + azimuthDeg);
            }
            if (!Double.isNaN(heightM) && !(Math.abs(heightM) <= MAX_HEIGHT_M)) {
                throw new IllegalArgumentException(
                        "plot height must be NaN (none) or within ±"
                                + MAX_HEIGHT_M
                                + " m, was "
                                + heightM);
            }
        }
    }

    /** Metres per foot: I110 counts steps of 25 ft. */
    static final double M_PER_FT = 0.3048;

    /** The largest height I110's 14-bit two's complement holds: 8 191 × 25 ft, m. */
    public static final double MAX_HEIGHT_M = 8191 * 25 * M_PER_FT;

    /**
     * The plots as CAT048 data blocks of at most {@code recordsPerBlock} records each, in order.
     * Concatenated they form one datagram.
     */
    public List<byte[]> blocks(List<Plot> plots, int recordsPerBlock) {
        if (recordsPerBlock < 1) {
            throw new IllegalArgumentException(
                    "recordsPerBlock must be >= 1, was " + recordsPerBlock);
        }
        List<byte[]> blocks = new ArrayList<>();
        AsterixBlockWriter w = null;
        for (Plot p : plots) {
            if (w == null) {
                w = new AsterixBlockWriter(48);
            }
            w.item(Cat048Uap.I010, (byte) sac, (byte) sic)
                    .item(Cat048Uap.I140, AsterixBlockWriter.be(timeOfDay128(p.time()), 3))
                    .item(Cat048Uap.I020, (byte) (1 << 5)) // TYP 1: single PSR detection
                    .item(
                            Cat048Uap.I040,
                            concat(
                                    AsterixBlockWriter.be(
                                            Math.round(p.rangeM() / M_PER_NM * 256), 2),
                                    AsterixBlockWriter.be(azimuth16(p.azimuthDeg()), 2)));
            if (!Double.isNaN(p.heightM())) {
                w.item(
                        Cat048Uap.I110,
                        AsterixBlockWriter.be(
                                Math.round(p.heightM() / (25 * M_PER_FT)) & 0x3FFF, 2));
            }
            w.endRecord();
            if (w.recordCount() == recordsPerBlock) {
                blocks.add(w.build());
                w = null;
            }
        }
        if (w != null) {
            blocks.add(w.build());
        }
        return blocks;
    }

    /**
     * A CAT034 north marker block: the antenna passed north at {@code time}.
     *
     * @param rotationPeriodS antenna rotation period, seconds, (0, 512)
     */
    public byte[] northMarker(Instant time, double rotationPeriodS) {
        if (!(rotationPeriodS > 0 && rotationPeriodS < 512)) {
            throw new IllegalArgumentException(
                    "rotation period must be in (0, 512) s, was " + rotationPeriodS);
        }
        return new AsterixBlockWriter(34)
                .item(Cat034Uap.I010, (byte) sac, (byte) sic)
                .item(Cat034Uap.I000, (byte) 1) // north marker
                .item(Cat034Uap.I030, AsterixBlockWriter.be(timeOfDay128(time), 3))
                .item(Cat034Uap.I041, AsterixBlockWriter.be(Math.round(rotationPeriodS * 128), 2))
                .build();
    }

    /** UTC time of day in 1/128 s, rounded; a time that rounds to midnight is 0. */
    static long timeOfDay128(Instant t) {
        long secondOfDay = Math.floorMod(t.getEpochSecond(), 86_400L);
        long ticks = Math.round((secondOfDay + t.getNano() / 1e9) * 128);
        return ticks % (86_400L * 128);
    }

    static long azimuth16(double azimuthDeg) {
        double normalised = ((azimuthDeg % 360) + 360) % 360;
        return Math.round(normalised / 360 * 65536) & 0xFFFF;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
