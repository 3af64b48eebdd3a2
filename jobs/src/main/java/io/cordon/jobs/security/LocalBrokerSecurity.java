package io.cordon.jobs.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * The security of a single-node local broker, as {@code deploy/kafka-security} describes it for a
 * deployment: clients connect over TLS ({@code SASL_SSL}) and authenticate with SCRAM-SHA-512; the
 * {@code StandardAuthorizer} allows nothing without an ACL ({@link KafkaAcls}), except to the super
 * users {@value #BROKER} (the broker itself) and {@value #ADMIN} (who creates users, topics and
 * ACLs).
 *
 * <p>{@link #generate} creates, in a directory of its own, the broker's key and a self-signed
 * certificate for {@code localhost} / {@code 127.0.0.1} (PKCS#12, with the JDK's {@code keytool}),
 * the trust store clients use, and random passwords for the stores, the broker and the
 * administrator ({@code passwords.properties}). Nothing secret is committed anywhere: every run
 * that needs it generates its own. The controller listener stays on localhost with SASL/PLAIN for
 * the broker alone (KRaft controllers cannot use SCRAM).
 */
public final class LocalBrokerSecurity {
    public static final String BROKER = "broker";
    public static final String ADMIN = "admin";
    static final String SCRAM = "SCRAM-SHA-512";

    private final Path trustStore;
    private final Path keyStore;
    private final String storePassword;
    private final String brokerPassword;
    private final String adminPassword;

    private LocalBrokerSecurity(
            Path trustStore,
            Path keyStore,
            String storePassword,
            String brokerPassword,
            String adminPassword) {
        this.trustStore = trustStore;
        this.keyStore = keyStore;
        this.storePassword = storePassword;
        this.brokerPassword = brokerPassword;
        this.adminPassword = adminPassword;
    }

    /** Generates the broker's key material and passwords under {@code dir} (created if needed). */
    public static LocalBrokerSecurity generate(Path dir) throws IOException, InterruptedException {
        dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        String store = secret(random);
        Path keys = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.crt");
        Path trust = dir.resolve("trust.p12");
        Files.deleteIfExists(keys);
        Files.deleteIfExists(trust);
        keytool(
                dir,
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=localhost, O=Cordon local broker",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                keys.toString(),
                "-storepass",
                store,
                "-keypass",
                store);
        keytool(
                dir,
                "-exportcert",
                "-alias",
                "broker",
                "-rfc",
                "-keystore",
                keys.toString(),
                "-storepass",
                store,
                "-file",
                cert.toString());
        keytool(
                dir,
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                cert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trust.toString(),
                "-storepass",
                store);
        LocalBrokerSecurity s =
                new LocalBrokerSecurity(trust, keys, store, secret(random), secret(random));
        Properties p = new Properties();
        p.setProperty("store", s.storePassword);
        p.setProperty(BROKER, s.brokerPassword);
        p.setProperty(ADMIN, s.adminPassword);
        try (var out = Files.newOutputStream(dir.resolve("passwords.properties"))) {
            p.store(out, "passwords of the local broker (generated, local use only)");
        }
        return s;
    }

    /** The trust store clients need (PKCS#12, the broker's certificate). */
    public Path trustStore() {
        return trustStore;
    }

    /** The password of both stores. */
    public String storePassword() {
        return storePassword;
    }

    /**
     * Broker settings to merge over a plain single-node configuration: a {@code SASL_SSL} client
     * listener on {@code port}, the controller on {@code controllerPort}.
     */
    public Map<String, String> serverProperties(int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(
                "listeners",
                "SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://localhost:" + port);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", SCRAM);
        p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        p.put(
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                jaas("scram.ScramLoginModule", BROKER, brokerPassword));
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put(
                "listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + BROKER
                        + "\" password=\""
                        + brokerPassword
                        + "\" user_"
                        + BROKER
                        + "=\""
                        + brokerPassword
                        + "\";");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", keyStore.toString().replace('\\', '/'));
        p.put("ssl.keystore.password", storePassword);
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", trustStore.toString().replace('\\', '/'));
        p.put("ssl.truststore.password", storePassword);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + BROKER + ";User:" + ADMIN);
        return p;
    }

    /**
     * Extra arguments of {@code kafka-storage format}: the SCRAM credentials of the super users.
     */
    public List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> u :
                Map.of(BROKER, brokerPassword, ADMIN, adminPassword).entrySet()) {
            args.add("--add-scram");
            args.add(SCRAM + "=[name=" + u.getKey() + ",password=" + u.getValue() + "]");
        }
        return args;
    }

    /** Client security settings of a SCRAM user (no {@code bootstrap.servers}). */
    public Map<String, String> client(String user, String password) {
        Map<String, String> p = new HashMap<>();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", SCRAM);
        p.put("sasl.jaas.config", jaas("scram.ScramLoginModule", user, password));
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", trustStore.toString());
        p.put("ssl.truststore.password", storePassword);
        return p;
    }

    /** Client security settings of the administrator. */
    public Map<String, String> admin() {
        return client(ADMIN, adminPassword);
    }

    /** Creates (or resets) SCRAM-SHA-512 credentials, user → password, as the administrator. */
    public void createUsers(String bootstrapServers, Map<String, String> passwords)
            throws Exception {
        Map<String, Object> props = new HashMap<>(admin());
        props.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<UserScramCredentialAlteration> upserts = new ArrayList<>();
            passwords.forEach(
                    (user, password) ->
                            upserts.add(
                                    new UserScramCredentialUpsertion(
                                            user,
                                            new ScramCredentialInfo(
                                                    ScramMechanism.SCRAM_SHA_512, 8192),
                                            password)));
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String jaas(String module, String user, String password) {
        return "org.apache.kafka.common.security."
                + module
                + " required username=\""
                + user
                + "\" password=\""
                + password
                + "\";";
    }

    private static String secret(SecureRandom random) {
        StringBuilder sb = new StringBuilder();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path log = dir.resolve("keytool.log");
        Process p =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool " + args[0] + " failed; see " + log);
        }
    }
}
