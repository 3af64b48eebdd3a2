package io.cordon.connectors.misb;

/**
 * ST 1201 IMAPB: a float in {@code [min, max]} mapped onto an unsigned integer of {@code length}
 * bytes. With bPow = ceil(log2(max - min)), dPow = 8 length - 1, sR = 2^(bPow - dPow), sF = 2^(dPow
 * - bPow) and zOffset = sF min - floor(sF min) when min < 0 < max (else 0): x = sR (y - zOffset) +
 * min. Values with the most significant bit set are ST 1201's special values (infinities, NaNs,
 * user-defined) and read as NaN.
 */
final class Imapb {
    private Imapb() {}

    static double decode(byte[] bytes, int at, int length, double min, double max) {
        long y = Ber.unsigned(bytes, at, length);
        if ((y >>> (8 * length - 1)) != 0) {
            return Double.NaN;
        }
        int bPow = (int) Math.ceil(Math.log(max - min) / Math.log(2));
        int dPow = 8 * length - 1;
        double sF = Math.scalb(1.0, dPow - bPow);
        double sR = Math.scalb(1.0, bPow - dPow);
        double zOffset = min < 0 && max > 0 ? sF * min - Math.floor(sF * min) : 0.0;
        return sR * (y - zOffset) + min;
    }
}
