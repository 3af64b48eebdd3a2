package io.cordon.connectors.output.geojson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.track.EntityTrack;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Released alerts and tracks as GeoJSON Features (RFC 7946), one JSON object on one line. Geometry
 * is a {@code Point} with {@code [lon, lat, height]} (WGS84 degrees, metres above the ellipsoid),
 * or {@code null} for an alert whose positions the partner may not see; a track whose height was
 * never measured has {@code [lon, lat]} (its height would be the fusion's reference height), one
 * whose height was has the height and {@code properties.heightSigmaM}. The feature's {@code id} is
 * the alert or track id; {@code properties.kind} says which.
 *
 * <p>Alert properties: {@code alertId, alertType, severity, state, windowStart, windowEnd, text}
 * (in the partner's language), {@code trackIds, detector, evidence, marking, policyVersion}. Track
 * properties: {@code trackId, status, time, eastMps, northMps, speedMps, courseDeg, classification,
 * confidence, sensorIds, partnerIds, identity} (only the identities the partner may see), {@code
 * country, zones, marking, policyVersion}.
 */
public final class GeoJsonFeatureWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonFeatureWriter() {}

    public static byte[] alert(Alert a, String policyVersion) {
        ObjectNode f = feature(a.alertId(), a.location());
        ObjectNode p = f.putObject("properties");
        p.put("kind", "alert");
        p.put("alertId", a.alertId());
        p.put("alertType", a.type().name());
        p.put("severity", a.severity().name());
        p.put("state", a.state().name());
        p.put("windowStart", a.windowStart().toString());
        p.put("windowEnd", a.windowEnd().toString());
        p.put("text", a.summary());
        ArrayNode tracks = p.putArray("trackIds");
        a.trackIds().forEach(tracks::add);
        p.put("detector", a.detector());
        ObjectNode evidence = p.putObject("evidence");
        for (Map.Entry<String, String> e : a.evidence().entrySet()) {
            evidence.put(e.getKey(), e.getValue());
        }
        marking(p, a.marking());
        p.put("policyVersion", policyVersion);
        return line(f);
    }

    public static byte[] track(
            EntityTrack t, String country, Iterable<String> zones, String policyVersion) {
        ObjectNode f = feature(t.trackId(), t.position(), t.hasMeasuredHeight());
        ObjectNode p = f.putObject("properties");
        p.put("kind", "track");
        if (t.hasMeasuredHeight()) {
            p.put("heightSigmaM", t.sigmaAltM());
        }
        p.put("trackId", t.trackId());
        p.put("status", t.status().name());
        p.put("time", t.time().toString());
        p.put("eastMps", t.velocity().eastMps());
        p.put("northMps", t.velocity().northMps());
        p.put("speedMps", t.velocity().groundSpeedMps());
        p.put("courseDeg", t.velocity().courseDeg());
        p.put("classification", t.classification().targetClass().name());
        p.put("confidence", t.classification().confidence());
        ArrayNode sensors = p.putArray("sensorIds");
        t.sensorIds().forEach(sensors::add);
        ArrayNode partners = p.putArray("partnerIds");
        t.partnerIds().forEach(partners::add);
        if (!t.identity().isEmpty()) {
            ObjectNode id = p.putObject("identity");
            putIfPresent(id, "mmsi", t.identity().mmsi());
            putIfPresent(id, "icao24", t.identity().icao24());
            putIfPresent(id, "callsign", t.identity().callsign());
            putIfPresent(id, "cotUid", t.identity().cotUid());
        }
        p.put("country", country);
        ArrayNode z = p.putArray("zones");
        zones.forEach(z::add);
        marking(p, t.marking());
        p.put("policyVersion", policyVersion);
        return line(f);
    }

    private static ObjectNode feature(String id, GeoPoint where) {
        return feature(id, where, true);
    }

    private static ObjectNode feature(String id, GeoPoint where, boolean withHeight) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", id);
        if (where == null) {
            f.putNull("geometry");
        } else {
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Point");
            ArrayNode c = g.putArray("coordinates").add(where.lonDeg()).add(where.latDeg());
            if (withHeight) {
                c.add(where.altM());
            }
        }
        return f;
    }

    private static void marking(ObjectNode p, Marking m) {
        ObjectNode n = p.putObject("marking");
        n.put("releasableToAll", m.releasableToAll());
        ArrayNode to = n.putArray("partners");
        new java.util.TreeSet<>(m.partners()).forEach(to::add);
    }

    private static void putIfPresent(ObjectNode n, String key, String value) {
        if (!value.isEmpty()) {
            n.put(key, value);
        }
    }

    private static byte[] line(ObjectNode f) {
        return (f.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
