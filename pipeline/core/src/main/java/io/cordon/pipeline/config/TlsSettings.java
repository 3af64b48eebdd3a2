package io.cordon.pipeline.config;

/**
 * Key material for a TLS connection to a partner endpoint. Stores are PKCS#12 files; passwords are
 * never written in {@code cordon.yaml}, only the names of the environment variables that hold them
 * on the task managers.
 *
 * @param trustStore PKCS#12 file with the CA certificates to trust; empty = the JVM's default trust
 *     store
 * @param trustStorePasswordEnv environment variable holding the trust store password; empty = no
 *     password
 * @param keyStore PKCS#12 file with Cordon's client certificate and key (mutual TLS, as TAK servers
 *     require on their TLS port); empty = no client certificate
 * @param keyStorePasswordEnv environment variable holding the key store password
 */
public record TlsSettings(
        String trustStore,
        String trustStorePasswordEnv,
        String keyStore,
        String keyStorePasswordEnv) {
    public static final TlsSettings DEFAULT = new TlsSettings("", "", "", "");

    public TlsSettings {
        trustStore = trustStore == null ? "" : trustStore;
        trustStorePasswordEnv = trustStorePasswordEnv == null ? "" : trustStorePasswordEnv;
        keyStore = keyStore == null ? "" : keyStore;
        keyStorePasswordEnv = keyStorePasswordEnv == null ? "" : keyStorePasswordEnv;
    }
}
