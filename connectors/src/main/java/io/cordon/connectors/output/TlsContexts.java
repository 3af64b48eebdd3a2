package io.cordon.connectors.output;

import io.cordon.pipeline.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts from {@link TlsSettings}: PKCS#12 trust and key stores, passwords read from the
 * environment variables the settings name (never from the configuration file).
 */
public final class TlsContexts {
    /**
     * Password variables from the process environment, or, when not set there, from the system
     * property of the same name (which tests and embedded runs can set).
     */
    public static final Function<String, String> ENVIRONMENT =
            name -> System.getenv(name) != null ? System.getenv(name) : System.getProperty(name);

    private TlsContexts() {}

    /**
     * A TLS 1.2/1.3 context for a client.
     *
     * @param secrets looks up a password variable by name ({@link #ENVIRONMENT} in production)
     */
    public static SSLContext client(TlsSettings tls, Function<String, String> secrets)
            throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = null;
        if (!tls.trustStore().isEmpty()) {
            KeyStore trust = load(tls.trustStore(), password(tls.trustStorePasswordEnv(), secrets));
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
        }
        KeyManagerFactory kmf = null;
        if (!tls.keyStore().isEmpty()) {
            char[] pw = password(tls.keyStorePasswordEnv(), secrets);
            KeyStore keys = load(tls.keyStore(), pw);
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, pw);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
                kmf == null ? null : kmf.getKeyManagers(),
                tmf == null ? null : tmf.getTrustManagers(),
                null);
        return ctx;
    }

    /**
     * A TLS context for a server endpoint of Cordon's (the SSE feed): the key store holds the
     * server's certificate and key (required); the trust store, when set, the CAs whose client
     * certificates are accepted (the caller then requires one).
     */
    public static SSLContext server(TlsSettings tls, Function<String, String> secrets)
            throws GeneralSecurityException, IOException {
        if (tls.keyStore().isEmpty()) {
            throw new GeneralSecurityException("a TLS server needs a keyStore");
        }
        return client(tls, secrets);
    }

    private static KeyStore load(String file, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ks.load(in, password);
        }
        return ks;
    }

    private static char[] password(String variable, Function<String, String> env)
            throws IOException {
        if (variable.isEmpty()) {
            return new char[0];
        }
        String value = env.apply(variable);
        if (value == null) {
            throw new IOException(
                    "environment variable " + variable + " (a store password) is not set");
        }
        return value.toCharArray();
    }
}
