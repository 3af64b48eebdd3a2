package io.cordon.connectors.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsterixFieldsTest {
    @Test
    void readsSignedFieldsInTwosComplement() {
        byte[] b = Hex.bytes("FFFE 800000 7FFFFFFF");
        assertThat(AsterixFields.s16(b, 0)).isEqualTo(-2);
        assertThat(AsterixFields.u16(b, 0)).isEqualTo(65534);
        assertThat(AsterixFields.s24(b, 2)).isEqualTo(-8388608);
        assertThat(AsterixFields.s32(b, 5)).isEqualTo(Integer.MAX_VALUE);
        assertThat(AsterixFields.signExtend(0x2000, 14)).isEqualTo(-8192);
        assertThat(AsterixFields.signExtend(0x1FFF, 14)).isEqualTo(8191);
    }

    @Test
    void decodesIcaoSixBitCharacters() {
        // "DLH65A  " from the public cat048.raw vector (I240 = 10 C2 36 D4 18 20).
        assertThat(AsterixFields.icaoChars(Hex.bytes("10C236D41820"), 0, 8)).isEqualTo("DLH65A");
        // "AB 1" followed by spaces keeps the embedded space; zeros read as padding.
        int[] codes = {1, 2, 32, 49, 32, 32, 32, 32};
        assertThat(AsterixFields.icaoChars(pack(codes), 0, 8)).isEqualTo("AB 1");
        assertThat(AsterixFields.icaoChars(new byte[6], 0, 8)).isEmpty();
        assertThat(AsterixFields.icaoChars(pack(new int[] {27, 63, 1, 1, 1, 1, 1, 1}), 0, 8))
                .isEqualTo("??AAAAAA");
    }

    @Test
    void formatsAddressesAndMode3A() {
        assertThat(AsterixFields.icao24(Hex.bytes("3C660C"), 0)).isEqualTo("3C660C");
        assertThat(AsterixFields.mode3AOctal(07500)).isEqualTo("7500");
        assertThat(AsterixFields.mode3AOctal(0)).isEqualTo("0000");
    }

    static byte[] pack(int[] sixBitCodes) {
        long bits = 0;
        for (int c : sixBitCodes) {
            bits = bits << 6 | c;
        }
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) (bits >>> (8 * (5 - i)));
        }
        return out;
    }

    static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}
