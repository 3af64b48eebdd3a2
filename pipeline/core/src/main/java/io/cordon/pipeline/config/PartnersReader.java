package io.cordon.pipeline.config;

import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code partners} section of {@code cordon.yaml}: each partner, its sharing agreement
 * and its outputs. Used for the whole file and for live updates of the section on {@code
 * cordon.config.v1} ({@link PartnersSection}).
 */
final class PartnersReader {
    private PartnersReader() {}

    static PartnerConfig partner(YamlNode node) {
        YamlNode.Fields f = node.fields("id", "name", "country", "sharing", "outputs");
        String id = f.required("id", ConfigChecks.PARTNER_ID_ALLOWED).text();
        String name = f.required("name", "a non-empty string").text();
        String country = f.required("country", "an ISO 3166-1 alpha-3 code such as USA").text();
        SharingRule sharing = sharing(f.get("sharing"));
        PartnerOutputs outputs = outputs(f.get("outputs"));
        return node.build(() -> new PartnerConfig(id, name, country, sharing, outputs));
    }

    private static SharingRule sharing(YamlNode node) {
        YamlNode.Fields f =
                node.fields(
                        "alertTypes",
                        "minSeverity",
                        "fromPartners",
                        "areas",
                        "fields",
                        "language",
                        "tracks");
        YamlNode types = f.get("alertTypes");
        Set<AlertType> alertTypes =
                isAll(types) ? EnumSet.allOf(AlertType.class) : enumSet(types, AlertType.class);
        Severity min = f.get("minSeverity").enumValue(Severity.class, Severity.INFO);
        YamlNode from = f.get("fromPartners");
        Set<String> fromPartners = new LinkedHashSet<>();
        if (!isAll(from)) {
            List<YamlNode> ids = from.elements();
            if (ids.isEmpty()) {
                throw new ConfigException(
                        from.path(), "[]", "[ALL] or a non-empty list of partner ids");
            }
            ids.forEach(n -> fromPartners.add(n.text()));
        }
        List<AreaOfInterest> areas = new ArrayList<>();
        for (YamlNode a : f.get("areas").elements()) {
            YamlNode.Fields af = a.fields("name", "wkt");
            areas.add(
                    a.build(
                            () ->
                                    new AreaOfInterest(
                                            af.required("name", "a non-empty string").text(),
                                            af.required("wkt", "WKT POLYGON or MULTIPOLYGON")
                                                    .text())));
        }
        FieldRules fields = fields(f.get("fields"));
        YamlNode lang = f.get("language");
        Language language = language(lang);
        TrackFeed tracks = tracks(f.get("tracks"));
        return node.build(
                () ->
                        new SharingRule(
                                alertTypes, min, fromPartners, areas, fields, language, tracks));
    }

    private static Language language(YamlNode node) {
        String code = node.text(Language.EN.code());
        for (Language l : Language.values()) {
            if (l.code().equals(code)) {
                return l;
            }
        }
        throw new ConfigException(node.path(), code, "one of en, es, pt, fr");
    }

    private static FieldRules fields(YamlNode node) {
        FieldRules d = FieldRules.NONE;
        YamlNode.Fields f = node.fields("hideSensors", "positions", "gridM", "dropIdentities");
        return node.build(
                () ->
                        new FieldRules(
                                f.get("hideSensors").bool(d.hideSensors()),
                                f.get("positions")
                                        .enumValue(FieldRules.PositionRule.class, d.positions()),
                                f.get("gridM").number(d.gridM()),
                                f.get("dropIdentities").bool(d.dropIdentities())));
    }

    private static TrackFeed tracks(YamlNode node) {
        YamlNode.Fields f = node.fields("enabled", "minIntervalS");
        return node.build(
                () ->
                        new TrackFeed(
                                f.get("enabled").bool(node.present()),
                                f.get("minIntervalS").number(0)));
    }

    private static PartnerOutputs outputs(YamlNode node) {
        YamlNode.Fields f = node.fields("kafka", "cot", "geojson", "sse");
        boolean kafka = f.get("kafka").bool(true);
        CotOutput cot = f.get("cot").present() ? cot(f.get("cot")) : null;
        GeoJsonOutput geojson = f.get("geojson").present() ? geojson(f.get("geojson")) : null;
        SseOutput sse = f.get("sse").present() ? sse(f.get("sse")) : null;
        return node.build(() -> new PartnerOutputs(kafka, cot, geojson, sse));
    }

    private static SseOutput sse(YamlNode node) {
        YamlNode.Fields f =
                node.fields(
                        "bindHost",
                        "port",
                        "tracks",
                        "bufferEvents",
                        "maxClients",
                        "trustStore",
                        "trustStorePasswordEnv",
                        "keyStore",
                        "keyStorePasswordEnv");
        long port = f.required("port", "a TCP port in [1, 65535]").integer(0);
        long buffer = f.get("bufferEvents").integer(10_000);
        long clients = f.get("maxClients").integer(8);
        return node.build(
                () ->
                        new SseOutput(
                                f.get("bindHost").text("0.0.0.0"),
                                clamp(port),
                                f.get("tracks").bool(false),
                                clamp(buffer),
                                clamp(clients),
                                tls(f)));
    }

    /** An int for the record's range check (out-of-range longs stay out of range). */
    private static int clamp(long v) {
        return (int) Math.max(Math.min(v, Integer.MAX_VALUE), -1);
    }

    private static CotOutput cot(YamlNode node) {
        YamlNode.Fields f =
                node.fields(
                        "host",
                        "port",
                        "tls",
                        "trustStore",
                        "trustStorePasswordEnv",
                        "keyStore",
                        "keyStorePasswordEnv",
                        "alertStaleS",
                        "trackStaleS",
                        "tracks");
        long port = f.required("port", "a TCP port in [1, 65535]").integer(0);
        return node.build(
                () ->
                        new CotOutput(
                                f.required("host", "a host name or address").text(),
                                (int) Math.max(Math.min(port, Integer.MAX_VALUE), -1),
                                f.get("tls").bool(false),
                                tls(f),
                                f.get("alertStaleS").number(3600),
                                f.get("trackStaleS").number(60),
                                f.get("tracks").bool(false)));
    }

    private static GeoJsonOutput geojson(YamlNode node) {
        YamlNode.Fields f =
                node.fields(
                        "url",
                        "tracks",
                        "batchSize",
                        "maxAttempts",
                        "trustStore",
                        "trustStorePasswordEnv",
                        "keyStore",
                        "keyStorePasswordEnv");
        long batch = f.get("batchSize").integer(100);
        long attempts = f.get("maxAttempts").integer(5);
        return node.build(
                () ->
                        new GeoJsonOutput(
                                f.required("url", "an http:// or https:// URL").text(),
                                f.get("tracks").bool(false),
                                (int) Math.max(Math.min(batch, Integer.MAX_VALUE), -1),
                                (int) Math.max(Math.min(attempts, Integer.MAX_VALUE), -1),
                                tls(f)));
    }

    private static TlsSettings tls(YamlNode.Fields f) {
        return new TlsSettings(
                f.get("trustStore").text(""),
                f.get("trustStorePasswordEnv").text(""),
                f.get("keyStore").text(""),
                f.get("keyStorePasswordEnv").text(""));
    }

    static boolean isAll(YamlNode node) {
        if (!node.present()) {
            return true;
        }
        if (node.value() instanceof List<?> list && list.size() == 1 && "ALL".equals(list.get(0))) {
            return true;
        }
        return "ALL".equals(node.value());
    }

    private static <E extends Enum<E>> Set<E> enumSet(YamlNode node, Class<E> type) {
        List<YamlNode> items = node.elements();
        if (items.isEmpty()) {
            throw new ConfigException(
                    node.path(), "[]", "[ALL] or a non-empty list of " + YamlNode.names(type));
        }
        Set<E> out = EnumSet.noneOf(type);
        for (YamlNode item : items) {
            out.add(item.enumValue(type));
        }
        return out;
    }
}
