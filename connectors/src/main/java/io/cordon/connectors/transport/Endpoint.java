package io.cordon.connectors.transport;

import java.util.Locale;

/**
 * A transport address written {@code udp://HOST:PORT} or {@code tcp://HOST:PORT} (IPv6 hosts in
 * brackets).
 *
 * @param scheme {@code udp} or {@code tcp}
 * @param host host name or address
 * @param port port, 0 to 65535 (0: any free port, for listeners)
 */
public record Endpoint(String scheme, String host, int port) {
    /**
     * Parses {@code text}, given with {@code option}.
     *
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public static Endpoint parse(String option, String text) {
        String allowed = "udp://HOST:PORT or tcp://HOST:PORT with PORT in 0..65535";
        String t = text == null ? "" : text.trim();
        int sep = t.indexOf("://");
        int colon = t.lastIndexOf(':');
        if (sep < 0 || colon <= sep + 2) {
            throw invalid(option, text, allowed);
        }
        String scheme = t.substring(0, sep).toLowerCase(Locale.ROOT);
        String host = t.substring(sep + 3, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!scheme.equals("udp") && !scheme.equals("tcp") || host.isEmpty()) {
            throw invalid(option, text, allowed);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(option, text, allowed);
        }
        if (port < 0 || port > 65535) {
            throw invalid(option, text, allowed);
        }
        return new Endpoint(scheme, host, port);
    }

    private static IllegalArgumentException invalid(String option, String text, String allowed) {
        return new IllegalArgumentException(
                option + ": '" + text + "' is not a transport address; allowed: " + allowed);
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
