package io.cordon.connectors.asterix.cat034;

import static io.cordon.connectors.asterix.AsterixFields.bit;
import static io.cordon.connectors.asterix.AsterixFields.s16;
import static io.cordon.connectors.asterix.AsterixFields.s24;
import static io.cordon.connectors.asterix.AsterixFields.u16;
import static io.cordon.connectors.asterix.AsterixFields.u24;
import static io.cordon.connectors.asterix.AsterixFields.u8;

import io.cordon.connectors.asterix.AsterixCategory;
import io.cordon.connectors.asterix.AsterixDecoder;
import io.cordon.connectors.asterix.AsterixRecord;
import io.cordon.connectors.asterix.Uap;
import io.cordon.connectors.decode.DecodeResult;

/**
 * Turns CAT034 records into {@link Cat034Service}s (EUROCONTROL-SPEC-0149-2b edition 1.27, section
 * 5.2). I010 is required.
 */
public final class Cat034 implements AsterixCategory<Cat034Service> {
    private static final AsterixDecoder<Cat034Service> DECODER = AsterixDecoder.of(new Cat034());

    /** Decodes the CAT034 blocks in {@code input}; blocks of other categories become errors. */
    public static DecodeResult<Cat034Service> decode(byte[] input) {
        return DECODER.decode(input);
    }

    public static AsterixDecoder<Cat034Service> decoder() {
        return DECODER;
    }

    @Override
    public Uap uap() {
        return Cat034Uap.UAP;
    }

    @Override
    public void decode(AsterixRecord r, DecodeResult.Builder<? super Cat034Service> out) {
        if (!r.has(Cat034Uap.I010)) {
            out.error(
                    "CAT034 record at offset " + r.offset() + " lacks mandatory I010 (data source)",
                    r.offset(),
                    r.bytes());
            return;
        }
        byte[] b = r.input();
        int p = r.itemOffset(Cat034Uap.I010);
        int sac = u8(b, p);
        int sic = u8(b, p + 1);

        p = r.itemOffset(Cat034Uap.I000);
        Cat034MessageType type = p < 0 ? Cat034MessageType.UNKNOWN : Cat034MessageType.of(u8(b, p));

        p = r.itemOffset(Cat034Uap.I030);
        double timeOfDay = p < 0 ? Double.NaN : u24(b, p) / 128.0;

        p = r.itemOffset(Cat034Uap.I020);
        double sectorDeg = p < 0 ? Double.NaN : u8(b, p) * (360.0 / 256.0);

        p = r.itemOffset(Cat034Uap.I041);
        double rotationS = p < 0 ? Double.NaN : u16(b, p) / 128.0;

        p = r.subfieldOffset(Cat034Uap.I050, Cat034Uap.I050_COM);
        boolean noGo = p >= 0 && bit(b, p, 8);
        boolean overloaded = p >= 0 && (bit(b, p, 5) || bit(b, p, 4));

        p = r.itemOffset(Cat034Uap.I120);
        double heightM = p < 0 ? Double.NaN : s16(b, p);
        double latDeg = p < 0 ? Double.NaN : s24(b, p + 2) * (180.0 / (1 << 23));
        double lonDeg = p < 0 ? Double.NaN : s24(b, p + 5) * (180.0 / (1 << 23));

        out.value(
                new Cat034Service(
                        sac,
                        sic,
                        type,
                        timeOfDay,
                        sectorDeg,
                        rotationS,
                        noGo,
                        overloaded,
                        latDeg,
                        lonDeg,
                        heightM));
    }
}
