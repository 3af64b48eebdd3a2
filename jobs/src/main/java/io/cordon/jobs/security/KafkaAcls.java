package io.cordon.jobs.security;

import io.cordon.jobs.CordonJobs;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka ACLs of a Cordon deployment, least privilege, from the configuration. With {@code
 * allow.everyone.if.no.acl.found=false} on the brokers, anything not listed is refused.
 *
 * <table>
 *   <caption>Principals</caption>
 *   <tr><th>principal</th><th>may</th></tr>
 *   <tr><td>{@code User:partner-<id>}</td><td>read its own {@code cordon.partner.<id>.*} topics
 *       (prefix), with consumer groups {@code partner-<id>*}; nothing else</td></tr>
 *   <tr><td>{@code User:sensors-<id>}</td><td>write {@code cordon.observations.v1} and the
 *       dead-letter topic (what its connectors cannot decode); nothing else</td></tr>
 *   <tr><td>{@code User:cordon-fusion}</td><td>read observations; write tracks and dead letters
 *       (transactions {@code cordon-fusion*})</td></tr>
 *   <tr><td>{@code User:cordon-detection}</td><td>read tracks and config; write alerts and dead
 *       letters (transactions {@code cordon-detection*})</td></tr>
 *   <tr><td>{@code User:cordon-distribution}</td><td>read alerts, tracks and config; write the
 *       partner topics ({@code cordon.partner.} prefix), audit and dead letters (transactions
 *       {@code cordon-distribution*})</td></tr>
 * </table>
 *
 * Principals are the SASL user names (SCRAM) or, with mutual TLS, the certificate's mapped name
 * ({@code ssl.principal.mapping.rules}); create the SCRAM credentials with {@code kafka-configs.sh
 * --alter --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users}.
 */
public final class KafkaAcls {
    private KafkaAcls() {}

    public static String partnerPrincipal(String partnerId) {
        return "User:partner-" + partnerId;
    }

    public static String sensorOperatorPrincipal(String partnerId) {
        return "User:sensors-" + partnerId;
    }

    public static String jobPrincipal(String jobName) {
        return "User:" + jobName;
    }

    /** Every binding the configuration needs. */
    public static List<AclBinding> forConfig(CordonConfig config) {
        Topics t = config.topics();
        List<AclBinding> acls = new ArrayList<>();
        for (PartnerConfig p : config.partners()) {
            String partner = partnerPrincipal(p.id());
            allow(acls, partner, topicPrefix("cordon.partner." + p.id() + "."), AclOperation.READ);
            allow(
                    acls,
                    partner,
                    new ResourcePattern(
                            ResourceType.GROUP, "partner-" + p.id(), PatternType.PREFIXED),
                    AclOperation.READ);
            allow(
                    acls,
                    sensorOperatorPrincipal(p.id()),
                    topic(t.observations()),
                    AclOperation.WRITE);
            // connectors dead-letter what they cannot decode (KafkaFeedSink)
            allow(acls, sensorOperatorPrincipal(p.id()), topic(t.deadLetter()), AclOperation.WRITE);
        }
        job(
                acls,
                CordonJobs.FUSION,
                List.of(t.observations()),
                List.of(topic(t.tracks()), topic(t.deadLetter())));
        job(
                acls,
                CordonJobs.DETECTION,
                List.of(t.tracks(), t.config()),
                List.of(topic(t.alerts()), topic(t.deadLetter())));
        job(
                acls,
                CordonJobs.DISTRIBUTION,
                List.of(t.alerts(), t.tracks(), t.config()),
                List.of(topicPrefix("cordon.partner."), topic(t.audit()), topic(t.deadLetter())));
        return acls;
    }

    /**
     * {@code KafkaAcls <cordon.yaml> [<admin client properties>]}: with an admin properties file
     * (bootstrap.servers and the credentials of a super user) creates the bindings; without, prints
     * them, one per line.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: KafkaAcls <cordon.yaml> [<admin client properties>]");
            System.exit(2);
        }
        CordonConfig config = CordonConfig.load(java.nio.file.Path.of(args[0]));
        if (args.length == 1) {
            forConfig(config).forEach(System.out::println);
            return;
        }
        java.util.Properties props = new java.util.Properties();
        try (var r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(args[1]))) {
            props.load(r);
        }
        try (Admin admin = Admin.create(props)) {
            apply(admin, config);
        }
        System.out.println(forConfig(config).size() + " ACL bindings in place");
    }

    /** Creates the bindings (idempotent: existing ones stay). */
    public static void apply(Admin admin, CordonConfig config) throws Exception {
        admin.createAcls(forConfig(config)).all().get(30, TimeUnit.SECONDS);
    }

    private static void job(
            List<AclBinding> acls, String job, List<String> reads, List<ResourcePattern> writes) {
        String principal = jobPrincipal(job);
        for (String r : reads) {
            allow(acls, principal, topic(r), AclOperation.READ);
        }
        for (ResourcePattern w : writes) {
            allow(acls, principal, w, AclOperation.WRITE);
            allow(acls, principal, w, AclOperation.DESCRIBE);
        }
        allow(
                acls,
                principal,
                new ResourcePattern(ResourceType.GROUP, job, PatternType.PREFIXED),
                AclOperation.READ);
        ResourcePattern transactions =
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, job, PatternType.PREFIXED);
        allow(acls, principal, transactions, AclOperation.WRITE);
        allow(acls, principal, transactions, AclOperation.DESCRIBE);
        allow(
                acls,
                principal,
                new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                AclOperation.IDEMPOTENT_WRITE);
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static ResourcePattern topicPrefix(String prefix) {
        return new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED);
    }

    private static void allow(
            List<AclBinding> acls, String principal, ResourcePattern resource, AclOperation op) {
        acls.add(
                new AclBinding(
                        resource,
                        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
    }
}
