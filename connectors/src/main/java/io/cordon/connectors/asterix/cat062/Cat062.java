package io.cordon.connectors.asterix.cat062;

import static io.cordon.connectors.asterix.AsterixFields.bit;
import static io.cordon.connectors.asterix.AsterixFields.icao24;
import static io.cordon.connectors.asterix.AsterixFields.icaoChars;
import static io.cordon.connectors.asterix.AsterixFields.s16;
import static io.cordon.connectors.asterix.AsterixFields.s24;
import static io.cordon.connectors.asterix.AsterixFields.s32;
import static io.cordon.connectors.asterix.AsterixFields.s8;
import static io.cordon.connectors.asterix.AsterixFields.signExtend;
import static io.cordon.connectors.asterix.AsterixFields.u16;
import static io.cordon.connectors.asterix.AsterixFields.u24;
import static io.cordon.connectors.asterix.AsterixFields.u8;

import io.cordon.connectors.asterix.AsterixCategory;
import io.cordon.connectors.asterix.AsterixDecoder;
import io.cordon.connectors.asterix.AsterixRecord;
import io.cordon.connectors.asterix.Uap;
import io.cordon.connectors.decode.DecodeResult;

/**
 * Turns CAT062 records into {@link Cat062Track}s (EUROCONTROL-SPEC-0149-9 edition 1.18, section
 * 5.2). I010 is required.
 */
public final class Cat062 implements AsterixCategory<Cat062Track> {
    private static final double M_PER_FT = 0.3048;
    private static final double DEG_PER_LSB_105 = 180.0 / (1 << 25);

    private static final AsterixDecoder<Cat062Track> DECODER = AsterixDecoder.of(new Cat062());

    /** Decodes the CAT062 blocks in {@code input}; blocks of other categories become errors. */
    public static DecodeResult<Cat062Track> decode(byte[] input) {
        return DECODER.decode(input);
    }

    public static AsterixDecoder<Cat062Track> decoder() {
        return DECODER;
    }

    @Override
    public Uap uap() {
        return Cat062Uap.UAP;
    }

    @Override
    public void decode(AsterixRecord r, DecodeResult.Builder<? super Cat062Track> out) {
        if (!r.has(Cat062Uap.I010)) {
            out.error(
                    "CAT062 record at offset " + r.offset() + " lacks mandatory I010 (data source)",
                    r.offset(),
                    r.bytes());
            return;
        }
        byte[] b = r.input();
        int p = r.itemOffset(Cat062Uap.I010);
        int sac = u8(b, p);
        int sic = u8(b, p + 1);

        p = r.itemOffset(Cat062Uap.I015);
        int serviceId = p < 0 ? -1 : u8(b, p);

        p = r.itemOffset(Cat062Uap.I070);
        double timeOfTrack = p < 0 ? Double.NaN : u24(b, p) / 128.0;

        p = r.itemOffset(Cat062Uap.I105);
        double latDeg = p < 0 ? Double.NaN : s32(b, p) * DEG_PER_LSB_105;
        double lonDeg = p < 0 ? Double.NaN : s32(b, p + 4) * DEG_PER_LSB_105;

        p = r.itemOffset(Cat062Uap.I100);
        double xM = p < 0 ? Double.NaN : s24(b, p) * 0.5;
        double yM = p < 0 ? Double.NaN : s24(b, p + 3) * 0.5;

        p = r.itemOffset(Cat062Uap.I185);
        double vx = p < 0 ? Double.NaN : s16(b, p) * 0.25;
        double vy = p < 0 ? Double.NaN : s16(b, p + 2) * 0.25;

        p = r.itemOffset(Cat062Uap.I210);
        double ax = p < 0 ? Double.NaN : s8(b, p) * 0.25;
        double ay = p < 0 ? Double.NaN : s8(b, p + 1) * 0.25;

        p = r.itemOffset(Cat062Uap.I060);
        int mode3A = p < 0 ? -1 : u16(b, p) & 0x0FFF;

        p = r.itemOffset(Cat062Uap.I040);
        int trackNumber = p < 0 ? -1 : u16(b, p);

        p = r.subfieldOffset(Cat062Uap.I380, Cat062Uap.I380_ADR);
        String address = p < 0 ? "" : icao24(b, p);

        p = r.itemOffset(Cat062Uap.I245);
        int q = r.subfieldOffset(Cat062Uap.I380, Cat062Uap.I380_ID);
        String callsign = p >= 0 ? icaoChars(b, p + 1, 8) : q >= 0 ? icaoChars(b, q, 8) : "";

        p = r.itemOffset(Cat062Uap.I136);
        double measuredFl = p < 0 ? Double.NaN : s16(b, p) / 4.0;

        p = r.itemOffset(Cat062Uap.I130);
        double geometricAltM = p < 0 ? Double.NaN : s16(b, p) * 6.25 * M_PER_FT;

        p = r.itemOffset(Cat062Uap.I135);
        double barometricFl = p < 0 ? Double.NaN : signExtend(u16(b, p), 15) / 4.0;

        p = r.itemOffset(Cat062Uap.I220);
        double rocMps = p < 0 ? Double.NaN : s16(b, p) * 6.25 * M_PER_FT / 60.0;

        p = r.itemOffset(Cat062Uap.I080);
        int n = r.itemLength(Cat062Uap.I080);
        boolean tentative = p >= 0 && bit(b, p, 2);
        boolean simulated = n >= 2 && bit(b, p + 1, 8);
        boolean lastUpdate = n >= 2 && bit(b, p + 1, 7);
        boolean coasting = n >= 4 && bit(b, p + 3, 8);

        p = r.subfieldOffset(Cat062Uap.I500, Cat062Uap.I500_APC);
        double sigmaX = p < 0 ? Double.NaN : u16(b, p) * 0.5;
        double sigmaY = p < 0 ? Double.NaN : u16(b, p + 2) * 0.5;
        p = r.subfieldOffset(Cat062Uap.I500, Cat062Uap.I500_COV);
        double covSqrt = p < 0 ? Double.NaN : s16(b, p) * 0.5;
        double covXY = Math.signum(covSqrt) * covSqrt * covSqrt;

        out.value(
                new Cat062Track(
                        sac,
                        sic,
                        serviceId,
                        timeOfTrack,
                        latDeg,
                        lonDeg,
                        xM,
                        yM,
                        vx,
                        vy,
                        ax,
                        ay,
                        mode3A,
                        trackNumber,
                        address,
                        callsign,
                        measuredFl,
                        geometricAltM,
                        barometricFl,
                        rocMps,
                        simulated,
                        tentative,
                        coasting,
                        lastUpdate,
                        sigmaX,
                        sigmaY,
                        covXY));
    }
}
