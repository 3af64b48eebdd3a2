package io.cordon.connectors.asterix.cat048;

import static io.cordon.connectors.asterix.AsterixFields.bit;
import static io.cordon.connectors.asterix.AsterixFields.icao24;
import static io.cordon.connectors.asterix.AsterixFields.icaoChars;
import static io.cordon.connectors.asterix.AsterixFields.s16;
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
 * Turns CAT048 records into {@link Cat048Plot}s (EUROCONTROL-SPEC-0149-4 edition 1.21, section 5.2:
 * item layouts and scale factors). I010 is required; every other item is optional.
 */
public final class Cat048 implements AsterixCategory<Cat048Plot> {
    /** Metres per international nautical mile. */
    static final double M_PER_NM = 1852.0;

    static final double M_PER_FT = 0.3048;

    private static final AsterixDecoder<Cat048Plot> DECODER = AsterixDecoder.of(new Cat048());

    /** Decodes the CAT048 blocks in {@code input}; blocks of other categories become errors. */
    public static DecodeResult<Cat048Plot> decode(byte[] input) {
        return DECODER.decode(input);
    }

    /** The shared, stateless CAT048 decoder. */
    public static AsterixDecoder<Cat048Plot> decoder() {
        return DECODER;
    }

    @Override
    public Uap uap() {
        return Cat048Uap.UAP;
    }

    @Override
    public void decode(AsterixRecord r, DecodeResult.Builder<? super Cat048Plot> out) {
        if (!r.has(Cat048Uap.I010)) {
            out.error(
                    "CAT048 record at offset " + r.offset() + " lacks mandatory I010 (data source)",
                    r.offset(),
                    r.bytes());
            return;
        }
        byte[] b = r.input();
        int p = r.itemOffset(Cat048Uap.I010);
        int sac = u8(b, p);
        int sic = u8(b, p + 1);

        p = r.itemOffset(Cat048Uap.I140);
        double timeOfDay = p < 0 ? Double.NaN : u24(b, p) / 128.0;

        p = r.itemOffset(Cat048Uap.I020);
        int detectionType = p < 0 ? -1 : u8(b, p) >>> 5;
        boolean simulated = p >= 0 && bit(b, p, 5);
        boolean spi = p >= 0 && bit(b, p, 3);

        p = r.itemOffset(Cat048Uap.I040);
        double rangeM = p < 0 ? Double.NaN : u16(b, p) / 256.0 * M_PER_NM;
        double azimuthDeg = p < 0 ? Double.NaN : u16(b, p + 2) * (360.0 / 65536.0);

        p = r.itemOffset(Cat048Uap.I070);
        int mode3A = p < 0 ? -1 : u16(b, p) & 0x0FFF;
        boolean mode3AValid = p >= 0 && !bit(b, p, 8);
        boolean mode3AGarbled = p >= 0 && bit(b, p, 7);

        p = r.itemOffset(Cat048Uap.I090);
        double flightLevel = p < 0 ? Double.NaN : signExtend(u16(b, p), 14) / 4.0;
        boolean flightLevelValid = p >= 0 && !bit(b, p, 8);

        p = r.itemOffset(Cat048Uap.I220);
        String address = p < 0 ? "" : icao24(b, p);

        p = r.itemOffset(Cat048Uap.I240);
        String callsign = p < 0 ? "" : icaoChars(b, p, 8);

        p = r.itemOffset(Cat048Uap.I161);
        int trackNumber = p < 0 ? -1 : u16(b, p) & 0x0FFF;

        p = r.itemOffset(Cat048Uap.I042);
        double xM = p < 0 ? Double.NaN : s16(b, p) / 128.0 * M_PER_NM;
        double yM = p < 0 ? Double.NaN : s16(b, p + 2) / 128.0 * M_PER_NM;

        p = r.itemOffset(Cat048Uap.I200);
        double speedMps = p < 0 ? Double.NaN : u16(b, p) / 16384.0 * M_PER_NM;
        double headingDeg = p < 0 ? Double.NaN : u16(b, p + 2) * (360.0 / 65536.0);

        p = r.itemOffset(Cat048Uap.I110);
        double heightM = p < 0 ? Double.NaN : signExtend(u16(b, p), 14) * 25.0 * M_PER_FT;

        p = r.itemOffset(Cat048Uap.I170);
        boolean confirmed = p >= 0 && !bit(b, p, 8);

        out.value(
                new Cat048Plot(
                        sac,
                        sic,
                        timeOfDay,
                        detectionType,
                        simulated,
                        spi,
                        rangeM,
                        azimuthDeg,
                        mode3A,
                        mode3AValid,
                        mode3AGarbled,
                        flightLevel,
                        flightLevelValid,
                        address,
                        callsign,
                        trackNumber,
                        xM,
                        yM,
                        speedMps,
                        headingDeg,
                        heightM,
                        confirmed));
    }
}
