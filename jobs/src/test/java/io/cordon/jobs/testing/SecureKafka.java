package io.cordon.jobs.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft broker that authenticates every client with SASL (SCRAM-SHA-512 for Cordon's
 * principals; PLAIN only for the test kit's own super user {@value #ADMIN}, which creates users,
 * topics and ACLs) and authorises with the standard authorizer, refusing what no ACL allows.
 */
public final class SecureKafka implements AutoCloseable {
    public static final String ADMIN = "plain-admin";
    static final String ADMIN_PASSWORD = "plain-admin-secret";

    private final KafkaClusterTestKit cluster;

    private SecureKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static SecureKafka start(Path baseDir) throws Exception {
        KafkaClusterTestKit cluster =
                new KafkaClusterTestKit.Builder(
                                new TestKitNodes.Builder()
                                        .setCombined(true)
                                        .setNumBrokerNodes(1)
                                        .setNumControllerNodes(1)
                                        .setBaseDirectory(baseDir)
                                        .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                                        // the broker registers as the super user, not ANONYMOUS
                                        .setControllerSecurityProtocol(
                                                SecurityProtocol.SASL_PLAINTEXT)
                                        .build())
                        .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
                        .setConfigProp(
                                "listener.name.external.scram-sha-512.sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                        .setConfigProp("allow.everyone.if.no.acl.found", "false")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new SecureKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Client properties of the test kit's super user (PLAIN). */
    public Properties admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + ADMIN
                        + "\" password=\""
                        + ADMIN_PASSWORD
                        + "\";");
        return p;
    }

    /**
     * Client properties of a SCRAM-SHA-512 user (what a Cordon deployment gives each principal).
     */
    public Properties scram(String user, String password) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.putAll(scramSecurity(user, password));
        return p;
    }

    /** The security settings alone, for {@code KafkaIo}'s extra properties. */
    public static Map<String, String> scramSecurity(String user, String password) {
        Map<String, String> p = new HashMap<>();
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user
                        + "\" password=\""
                        + password
                        + "\";");
        return p;
    }

    /** Creates SCRAM-SHA-512 credentials for user → password. */
    public void createUsers(Map<String, String> passwords) throws Exception {
        try (Admin admin = Admin.create(admin())) {
            List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts =
                    passwords.entrySet().stream()
                            .map(
                                    e ->
                                            (org.apache.kafka.clients.admin
                                                            .UserScramCredentialAlteration)
                                                    new UserScramCredentialUpsertion(
                                                            e.getKey(),
                                                            new ScramCredentialInfo(
                                                                    ScramMechanism.SCRAM_SHA_512,
                                                                    4096),
                                                            e.getValue()))
                            .toList();
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
