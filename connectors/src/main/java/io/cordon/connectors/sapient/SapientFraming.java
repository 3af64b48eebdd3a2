package io.cordon.connectors.sapient;

/**
 * The SAPIENT TCP framing used by BSI Flex 335 nodes and the Dstl/Apex middleware: every serialized
 * {@code SapientMessage} is preceded by its length in octets as a 4-octet little-endian unsigned
 * integer.
 */
public final class SapientFraming {
    public static final int PREFIX_OCTETS = 4;

    /** Frames longer than this are taken as a stream out of step, not as a message. */
    public static final int MAX_MESSAGE_OCTETS = 16 * 1024 * 1024;

    private SapientFraming() {}

    /** {@code message} with its length prefix. */
    public static byte[] frame(byte[] message) {
        byte[] out = new byte[PREFIX_OCTETS + message.length];
        int n = message.length;
        out[0] = (byte) n;
        out[1] = (byte) (n >>> 8);
        out[2] = (byte) (n >>> 16);
        out[3] = (byte) (n >>> 24);
        System.arraycopy(message, 0, out, PREFIX_OCTETS, n);
        return out;
    }

    /** The length prefix at {@code at} as an unsigned value. */
    static long length(byte[] b, int at) {
        return (b[at] & 0xFFL)
                | (b[at + 1] & 0xFFL) << 8
                | (b[at + 2] & 0xFFL) << 16
                | (b[at + 3] & 0xFFL) << 24;
    }
}
