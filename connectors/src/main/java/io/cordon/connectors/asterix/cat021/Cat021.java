package io.cordon.connectors.asterix.cat021;

import static io.cordon.connectors.asterix.AsterixFields.bit;
import static io.cordon.connectors.asterix.AsterixFields.icao24;
import static io.cordon.connectors.asterix.AsterixFields.icaoChars;
import static io.cordon.connectors.asterix.AsterixFields.s16;
import static io.cordon.connectors.asterix.AsterixFields.s24;
import static io.cordon.connectors.asterix.AsterixFields.s32;
import static io.cordon.connectors.asterix.AsterixFields.signExtend;
import static io.cordon.connectors.asterix.AsterixFields.u16;
import static io.cordon.connectors.asterix.AsterixFields.u24;
import static io.cordon.connectors.asterix.AsterixFields.u32;
import static io.cordon.connectors.asterix.AsterixFields.u8;

import io.cordon.connectors.asterix.AsterixCategory;
import io.cordon.connectors.asterix.AsterixDecoder;
import io.cordon.connectors.asterix.AsterixRecord;
import io.cordon.connectors.asterix.Uap;
import io.cordon.connectors.decode.DecodeResult;

/**
 * Turns CAT021 records into {@link Cat021Report}s (EUROCONTROL-SPEC-0149-12 edition 2.6, section
 * 5.2). I010 is required.
 */
public final class Cat021 implements AsterixCategory<Cat021Report> {
    private static final double M_PER_FT = 0.3048;
    private static final double M_PER_NM = 1852.0;
    private static final double FT_PER_MIN_LSB_MPS = 6.25 * M_PER_FT / 60.0;

    private static final AsterixDecoder<Cat021Report> DECODER = AsterixDecoder.of(new Cat021());

    /** Decodes the CAT021 blocks in {@code input}; blocks of other categories become errors. */
    public static DecodeResult<Cat021Report> decode(byte[] input) {
        return DECODER.decode(input);
    }

    public static AsterixDecoder<Cat021Report> decoder() {
        return DECODER;
    }

    @Override
    public Uap uap() {
        return Cat021Uap.UAP;
    }

    @Override
    public void decode(AsterixRecord r, DecodeResult.Builder<? super Cat021Report> out) {
        if (!r.has(Cat021Uap.I010)) {
            out.error(
                    "CAT021 record at offset " + r.offset() + " lacks mandatory I010 (data source)",
                    r.offset(),
                    r.bytes());
            return;
        }
        byte[] b = r.input();
        int p = r.itemOffset(Cat021Uap.I010);
        int sac = u8(b, p);
        int sic = u8(b, p + 1);

        p = r.itemOffset(Cat021Uap.I080);
        String address = p < 0 ? "" : icao24(b, p);

        p = r.itemOffset(Cat021Uap.I170);
        String callsign = p < 0 ? "" : icaoChars(b, p, 8);

        p = r.itemOffset(Cat021Uap.I161);
        int trackNumber = p < 0 ? -1 : u16(b, p) & 0x0FFF;

        double latDeg = Double.NaN;
        double lonDeg = Double.NaN;
        p = r.itemOffset(Cat021Uap.I131);
        if (p >= 0) {
            latDeg = s32(b, p) * (180.0 / (1 << 30));
            lonDeg = s32(b, p + 4) * (180.0 / (1 << 30));
        } else if ((p = r.itemOffset(Cat021Uap.I130)) >= 0) {
            latDeg = s24(b, p) * (180.0 / (1 << 23));
            lonDeg = s24(b, p + 3) * (180.0 / (1 << 23));
        }

        double applicability = timeOfDay(r, Cat021Uap.I071);
        double reception = receptionTime(r);
        double transmission = timeOfDay(r, Cat021Uap.I077);

        p = r.itemOffset(Cat021Uap.I140);
        double heightM = p < 0 ? Double.NaN : s16(b, p) * 6.25 * M_PER_FT;

        p = r.itemOffset(Cat021Uap.I145);
        double flightLevel = p < 0 ? Double.NaN : s16(b, p) / 4.0;

        p = r.itemOffset(Cat021Uap.I160);
        double speedMps = p < 0 ? Double.NaN : (u16(b, p) & 0x7FFF) / 16384.0 * M_PER_NM;
        double trackDeg = p < 0 ? Double.NaN : u16(b, p + 2) * (360.0 / 65536.0);

        p = r.itemOffset(Cat021Uap.I155);
        double baroRate = p < 0 ? Double.NaN : signExtend(u16(b, p), 15) * FT_PER_MIN_LSB_MPS;
        p = r.itemOffset(Cat021Uap.I157);
        double geoRate = p < 0 ? Double.NaN : signExtend(u16(b, p), 15) * FT_PER_MIN_LSB_MPS;

        p = r.itemOffset(Cat021Uap.I070);
        int mode3A = p < 0 ? -1 : u16(b, p) & 0x0FFF;

        p = r.itemOffset(Cat021Uap.I020);
        int emitter = p < 0 ? -1 : u8(b, p);

        p = r.itemOffset(Cat021Uap.I090);
        int n = r.itemLength(Cat021Uap.I090);
        int nic = p < 0 ? -1 : u8(b, p) >>> 1 & 0x0F;
        int nacp = n < 2 ? -1 : u8(b, p + 1) >>> 1 & 0x0F;

        p = r.itemOffset(Cat021Uap.I040);
        n = r.itemLength(Cat021Uap.I040);
        boolean onGround = n >= 2 && bit(b, p + 1, 7);
        boolean simulated = n >= 2 && bit(b, p + 1, 6);
        boolean test = n >= 2 && bit(b, p + 1, 5);

        out.value(
                new Cat021Report(
                        sac,
                        sic,
                        address,
                        callsign,
                        trackNumber,
                        latDeg,
                        lonDeg,
                        applicability,
                        reception,
                        transmission,
                        heightM,
                        flightLevel,
                        speedMps,
                        trackDeg,
                        baroRate,
                        geoRate,
                        mode3A,
                        emitter,
                        nacp,
                        nic,
                        simulated,
                        test,
                        onGround));
    }

    private static double timeOfDay(AsterixRecord r, int frn) {
        int p = r.itemOffset(frn);
        return p < 0 ? Double.NaN : u24(r.input(), p) / 128.0;
    }

    /**
     * I073 time of reception for position; when I074 is also present, its full-second indication
     * (FSI: 0 same second, 1 next, 2 previous) and 30-bit fraction give the precise time.
     */
    private static double receptionTime(AsterixRecord r) {
        double coarse = timeOfDay(r, Cat021Uap.I073);
        int p = r.itemOffset(Cat021Uap.I074);
        if (p < 0 || Double.isNaN(coarse)) {
            return coarse;
        }
        long word = u32(r.input(), p);
        int fsi = (int) (word >>> 30);
        double fraction = (word & 0x3FFFFFFFL) / (double) (1L << 30);
        double whole = Math.floor(coarse) + (fsi == 1 ? 1 : fsi == 2 ? -1 : 0);
        return fsi == 3 ? coarse : whole + fraction;
    }
}
