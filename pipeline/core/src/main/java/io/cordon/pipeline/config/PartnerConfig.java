package io.cordon.pipeline.config;

import java.util.regex.Pattern;

/**
 * A partner organisation, its sharing agreement and its outputs.
 *
 * @param id short stable id used in topics, markings and provenance; matches {@code
 *     [a-z][a-z0-9-]{1,30}}, unique
 * @param name human-readable name
 * @param country ISO 3166-1 alpha-3 code of the partner's country ({@code USA}, {@code MEX})
 * @param sharing what the partner receives
 * @param outputs where and how it receives it (default: Kafka only)
 */
public record PartnerConfig(
        String id, String name, String country, SharingRule sharing, PartnerOutputs outputs) {
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    public PartnerConfig {
        ConfigChecks.matching("id", id, ConfigChecks.PARTNER_ID, ConfigChecks.PARTNER_ID_ALLOWED);
        ConfigChecks.text("name", name);
        ConfigChecks.matching(
                "country",
                country,
                ALPHA3,
                "an ISO 3166-1 alpha-3 code in upper case, such as USA");
        sharing = sharing == null ? SharingRule.ALL : sharing;
        outputs = outputs == null ? PartnerOutputs.KAFKA : outputs;
    }

    /** A partner that receives on Kafka only. */
    public PartnerConfig(String id, String name, String country, SharingRule sharing) {
        this(id, name, country, sharing, null);
    }
}
