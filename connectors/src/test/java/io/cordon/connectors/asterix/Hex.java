package io.cordon.connectors.asterix;

import java.util.HexFormat;

/** Hex helpers for tests. */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    public static String upper(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
