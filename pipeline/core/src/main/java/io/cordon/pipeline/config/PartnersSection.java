package io.cordon.pipeline.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The {@code partners} section on its own: what a live update on {@code cordon.config.v1} (key
 * {@value #CONFIG_KEY}) carries. Same schema and checks as the section in {@code cordon.yaml}.
 */
public final class PartnersSection {
    /** The key of partner updates on the config topic. */
    public static final String CONFIG_KEY = "partners";

    private PartnersSection() {}

    /**
     * Parses and validates a partners list, either a bare YAML list or a map with a {@code
     * partners} key.
     *
     * @throws ConfigException naming the key path, the value found and what is allowed
     */
    public static List<PartnerConfig> parse(String yaml) {
        Object tree;
        try {
            tree =
                    new Load(
                                    LoadSettings.builder()
                                            .setLabel("partners")
                                            .setAllowDuplicateKeys(false)
                                            .build())
                            .loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new ConfigException("(document)", e.getMessage(), "valid YAML", e);
        }
        YamlNode list =
                tree instanceof List<?>
                        ? new YamlNode("partners", tree)
                        : new YamlNode("", tree).fields("partners").get("partners");
        List<PartnerConfig> partners =
                list.elements().stream().map(PartnersReader::partner).toList();
        check(partners);
        return partners;
    }

    /** Ids unique, every {@code fromPartners} id declared. */
    static void check(List<PartnerConfig> partners) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            if (!ids.add(partners.get(i).id())) {
                throw new ConfigException(
                        "partners[" + i + "].id",
                        partners.get(i).id(),
                        "an id not used by another partner");
            }
        }
        String declared = "a declared partner id, one of " + ids.stream().sorted().toList();
        for (int i = 0; i < partners.size(); i++) {
            for (String from : partners.get(i).sharing().fromPartners()) {
                if (!ids.contains(from)) {
                    throw new ConfigException(
                            "partners[" + i + "].sharing.fromPartners", from, declared);
                }
            }
        }
    }
}
