package io.cordon.connectors.sapient;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cordon.connectors.asterix.LenientJson;
import io.cordon.connectors.asterix.PeerData;
import io.cordon.proto.sapient.v2.SapientMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public SAPIENT sample messages (shared/peerdata/sapient, Dstl Apex test resources, proto3
 * JSON of BSI Flex 335 v1.0) as v2.0 binaries: the JSON is parsed with Cordon's sapient.v2
 * definitions and serialized. Detection reports have the same field numbers in v1.0 and v2.0; the
 * registration sample needs the three v1.0 → v2.0 shape changes applied first.
 */
final class SapientSamples {
    static final String DIR = "sapient/tests/resources/proto/bsi_flex_335_v1_0/";

    private SapientSamples() {}

    static Map<String, Object> json(String file) {
        return LenientJson.object(new String(PeerData.bytes(DIR + file), StandardCharsets.UTF_8));
    }

    static SapientMessage detection() {
        return parse(json("detection_proto.json"));
    }

    /**
     * The registration sample in v2.0 shape: {@code detectionDefinition} becomes a list (repeated
     * in v2.0), {@code task} its first element (singular in v2.0), {@code command.name} is gone
     * (reserved in v2.0); the envelope, absent from the sample, gets a timestamp and node id.
     */
    @SuppressWarnings("unchecked")
    static SapientMessage registration() {
        Map<String, Object> root = new LinkedHashMap<>(json("registration_proto.json"));
        Map<String, Object> registration = (Map<String, Object>) root.get("registration");
        for (Object o : (List<Object>) registration.get("modeDefinition")) {
            Map<String, Object> mode = (Map<String, Object>) o;
            if (mode.get("detectionDefinition") instanceof Map) {
                mode.put("detectionDefinition", List.of(mode.get("detectionDefinition")));
            }
            if (mode.get("task") instanceof List<?> tasks && !tasks.isEmpty()) {
                Map<String, Object> task = (Map<String, Object>) tasks.get(0);
                for (Object c : (List<Object>) task.getOrDefault("command", List.of())) {
                    ((Map<String, Object>) c).remove("name");
                }
                mode.put("task", task);
            }
        }
        root.put("timestamp", "2023-08-14T08:23:40.100Z");
        root.put("nodeId", "ea54bd43-304f-4d11-a80a-6e5a401bdb7d");
        return parse(root);
    }

    static SapientMessage parse(Map<String, Object> json) {
        try {
            SapientMessage.Builder b = SapientMessage.newBuilder();
            JsonFormat.parser().merge(write(json), b);
            return b.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("sample does not fit sapient.v2: " + e.getMessage(), e);
        }
    }

    /** Writes the maps, lists, strings, numbers and booleans {@link LenientJson} reads. */
    static String write(Object v) {
        StringBuilder s = new StringBuilder();
        write(v, s);
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object v, StringBuilder s) {
        if (v instanceof Map<?, ?> m) {
            s.append('{');
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                parts.add(quote(e.getKey()) + ":" + write(e.getValue()));
            }
            s.append(String.join(",", parts)).append('}');
        } else if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(write(o));
            }
            s.append('[').append(String.join(",", parts)).append(']');
        } else if (v instanceof String str) {
            s.append(quote(str));
        } else {
            s.append(v);
        }
    }

    private static String quote(String str) {
        return "\"" + str.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
