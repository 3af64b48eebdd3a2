package io.cordon.connectors.ais;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.connectors.ais.message.AisMessage;
import io.cordon.connectors.ais.message.BaseStationReport;
import io.cordon.connectors.ais.message.ClassAPositionReport;
import io.cordon.connectors.ais.message.ClassBPositionReport;
import io.cordon.connectors.ais.message.Eta;
import io.cordon.connectors.ais.message.ExtendedClassBPositionReport;
import io.cordon.connectors.ais.message.LongRangePositionReport;
import io.cordon.connectors.ais.message.ShipDimensions;
import io.cordon.connectors.ais.message.StaticAndVoyageData;
import io.cordon.connectors.ais.message.StaticDataReportPartB;
import io.cordon.connectors.ais.message.UnsupportedMessage;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Compares one of our decoded messages with gpsd's JSON report of the same message, field by field,
 * in gpsd's scaled ({@code gpsdecode -j}) or unscaled ({@code -u}) form. Unscaled checks are
 * bit-exact; scaled ones are within half the field's resolution. Absent values must be gpsd's "not
 * available" raw values (or out of range). Returns the mismatches.
 */
final class GpsdAisComparison {
    private final JsonNode json;
    private final boolean scaled;
    private final List<String> mismatches = new ArrayList<>();

    private GpsdAisComparison(JsonNode json) {
        this.json = json;
        this.scaled = json.path("scaled").asBoolean(false);
    }

    /**
     * @param partAName the name from the latest type 24 part A of the same MMSI (gpsd reports parts
     *     A and B together), or null
     */
    static List<String> compare(AisMessage m, JsonNode json, String partAName) {
        GpsdAisComparison c = new GpsdAisComparison(json);
        c.eq("type", m.messageType());
        c.eq("repeat", m.repeatIndicator());
        c.eq("mmsi", m.mmsi());
        if (m instanceof ClassAPositionReport r) {
            c.classA(r);
        } else if (m instanceof BaseStationReport r) {
            c.baseStation(r);
        } else if (m instanceof StaticAndVoyageData r) {
            c.staticVoyage(r);
        } else if (m instanceof ClassBPositionReport r) {
            c.classB(r);
        } else if (m instanceof ExtendedClassBPositionReport r) {
            c.extendedClassB(r);
        } else if (m instanceof StaticDataReportPartB r) {
            c.partB(r, partAName);
        } else if (m instanceof LongRangePositionReport r) {
            c.longRange(r);
        } else if (!(m instanceof UnsupportedMessage)) {
            c.mismatches.add("gpsd reports " + m.getClass().getSimpleName() + " alone");
        }
        return c.mismatches;
    }

    private void classA(ClassAPositionReport r) {
        eq("status", r.navigationStatus().code());
        if (!scaled) {
            eq("turn", r.rateOfTurnIndicator());
        } else {
            turnScaled(r);
        }
        speed(r.speedOverGroundKnots());
        eq("accuracy", r.positionAccuracyHigh());
        position(r.position(), 600_000.0);
        course(r.courseOverGroundDeg());
        heading(r.trueHeadingDeg());
        eq("second", r.timeStamp());
        eq("maneuver", r.specialManoeuvre());
        eq("raim", r.raim());
        eq("radio", r.radioStatus());
    }

    private void turnScaled(ClassAPositionReport r) {
        JsonNode turn = json.get("turn");
        int rot = r.rateOfTurnIndicator();
        String expected =
                rot == -128 ? "n/a" : rot == 127 ? "fastright" : rot == -127 ? "fastleft" : null;
        if (expected != null) {
            if (!expected.equals(turn.asText())) {
                mismatches.add("turn: gpsd " + turn + ", ours indicator " + rot);
            }
            return;
        }
        double gpsd = Double.parseDouble(turn.asText());
        double ours = r.rateOfTurnDegPerMin().orElseThrow();
        if (Math.abs(gpsd - ours) > 0.01 + 1e-3 * Math.abs(ours)) {
            mismatches.add("turn: gpsd " + gpsd + ", ours " + ours);
        }
    }

    private void baseStation(BaseStationReport r) {
        String ts = json.path("timestamp").asText();
        if (r.utcTime().isPresent()) {
            eq("timestamp", r.utcTime().get().toString());
        } else if (parses(ts)) {
            mismatches.add("timestamp: gpsd " + ts + " is valid, ours absent");
        }
        eq("accuracy", r.positionAccuracyHigh());
        position(r.position(), 600_000.0);
        eq("epfd", r.epfdType());
        eq("raim", r.raim());
        eq("radio", r.radioStatus());
    }

    private void staticVoyage(StaticAndVoyageData r) {
        eq("imo", r.imoNumber().orElse(0));
        eq("ais_version", r.aisVersion());
        eq("callsign", r.callsign());
        eq("shipname", r.shipName());
        eq("shiptype", r.shipType());
        dimensions(r.dimensions());
        eq("epfd", r.epfdType());
        String eta = json.path("eta").asText();
        if (r.eta().isPresent()) {
            Eta e = r.eta().get();
            eq(
                    "eta",
                    String.format(
                            "%02d-%02dT%02d:%02dZ", e.month(), e.day(), e.hour(), e.minute()));
        } else if (etaValid(eta)) {
            mismatches.add("eta: gpsd " + eta + " is valid, ours absent");
        }
        if (scaled) {
            near("draught", r.draughtM().orElse(0.0), 0.05);
        } else {
            eq("draught", (int) Math.round(r.draughtM().orElse(0.0) * 10));
        }
        eq("destination", r.destination());
        eq("dte", r.dataTerminalNotReady() ? 1 : 0);
    }

    private void classB(ClassBPositionReport r) {
        speed(r.speedOverGroundKnots());
        eq("accuracy", r.positionAccuracyHigh());
        position(r.position(), 600_000.0);
        course(r.courseOverGroundDeg());
        heading(r.trueHeadingDeg());
        eq("second", r.timeStamp());
        eq("cs", r.carrierSenseUnit());
        eq("display", r.displayFlag());
        eq("dsc", r.dscFlag());
        eq("band", r.bandFlag());
        eq("msg22", r.message22Flag());
        eqIfPresent("assigned", r.assignedMode());
        eq("raim", r.raim());
        eq("radio", r.radioStatus());
    }

    private void extendedClassB(ExtendedClassBPositionReport r) {
        speed(r.speedOverGroundKnots());
        eq("accuracy", r.positionAccuracyHigh());
        position(r.position(), 600_000.0);
        course(r.courseOverGroundDeg());
        heading(r.trueHeadingDeg());
        eq("second", r.timeStamp());
        eq("shipname", r.shipName());
        eq("shiptype", r.shipType());
        dimensions(r.dimensions());
        eq("epfd", r.epfdType());
        eq("raim", r.raim());
        eq("dte", r.dataTerminalNotReady() ? 1 : 0);
        eq("assigned", r.assignedMode());
    }

    private void partB(StaticDataReportPartB r, String partAName) {
        if (json.has("shipname")) {
            if (partAName == null) {
                mismatches.add("shipname: gpsd " + json.get("shipname") + ", we saw no part A");
            } else {
                eq("shipname", partAName);
            }
        }
        eq("shiptype", r.shipType());
        String vendor = json.path("vendorid").asText();
        String expectedPrefix = vendor.substring(0, Math.min(3, vendor.length()));
        if (!expectedPrefix.equals(r.vendorId())) {
            mismatches.add("vendorid: gpsd " + vendor + ", ours " + r.vendorId());
        }
        eq("model", r.unitModelCode());
        eq("serial", r.serialNumber());
        eq("callsign", r.callsign());
        if (r.mothershipMmsi().isPresent()) {
            eq("mothership_mmsi", r.mothershipMmsi().getAsInt());
        } else {
            dimensions(r.dimensions());
        }
    }

    private void longRange(LongRangePositionReport r) {
        eq("status", r.navigationStatus().code());
        eq("accuracy", r.positionAccuracyHigh());
        position(r.position(), 600.0);
        OptionalDouble speed = r.speedOverGroundKnots();
        eq("speed", speed.isPresent() ? (int) speed.getAsDouble() : 63);
        OptionalDouble course = r.courseOverGroundDeg();
        if (course.isPresent()) {
            eq("course", (int) course.getAsDouble());
        } else if (json.path("course").asInt() < 360) {
            mismatches.add("course: gpsd " + json.get("course") + ", ours absent");
        }
        eq("raim", r.raim());
        eq("gnss", r.positionLatencyOver5s());
    }

    private void speed(OptionalDouble knots) {
        if (scaled) {
            JsonNode v = json.get("speed");
            if (knots.isPresent()) {
                near("speed", knots.getAsDouble(), 0.05);
            } else if (v.isNumber() && v.asDouble() < 102.25) {
                mismatches.add("speed: gpsd " + v + ", ours absent");
            }
        } else {
            eq("speed", knots.isPresent() ? (int) Math.round(knots.getAsDouble() * 10) : 1023);
        }
    }

    private void course(OptionalDouble deg) {
        if (deg.isPresent()) {
            if (scaled) {
                near("course", deg.getAsDouble(), 0.05);
            } else {
                eq("course", (int) Math.round(deg.getAsDouble() * 10));
            }
        } else {
            double gpsd = json.path("course").asDouble();
            if (gpsd < (scaled ? 360.0 : 3600)) {
                mismatches.add("course: gpsd " + gpsd + ", ours absent");
            }
        }
    }

    private void heading(OptionalInt deg) {
        if (deg.isPresent()) {
            eq("heading", deg.getAsInt());
        } else if (json.path("heading").asInt() < 360) {
            mismatches.add("heading: gpsd " + json.get("heading") + ", ours absent");
        }
    }

    private void position(Optional<GeoPoint> position, double unitsPerDeg) {
        double lat = json.path("lat").asDouble();
        double lon = json.path("lon").asDouble();
        if (!scaled) {
            lat /= unitsPerDeg;
            lon /= unitsPerDeg;
        }
        if (position.isEmpty()) {
            if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                mismatches.add("position: gpsd " + lat + "," + lon + ", ours absent");
            }
            return;
        }
        // unscaled: bit-exact (half a unit); scaled: gpsd prints 7 (type 27: 4) decimals
        double tolerance = scaled ? (unitsPerDeg > 1000 ? 1e-7 : 1e-4) : 0.5 / unitsPerDeg;
        if (Math.abs(position.get().latDeg() - lat) > tolerance
                || Math.abs(position.get().lonDeg() - lon) > tolerance) {
            mismatches.add("position: gpsd " + lat + "," + lon + ", ours " + position.get());
        }
    }

    private void dimensions(Optional<ShipDimensions> d) {
        ShipDimensions dims = d.orElse(new ShipDimensions(0, 0, 0, 0));
        eq("to_bow", dims.toBowM());
        eq("to_stern", dims.toSternM());
        eq("to_port", dims.toPortM());
        eq("to_starboard", dims.toStarboardM());
    }

    private void eq(String field, int ours) {
        JsonNode v = json.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() != ours) {
            mismatches.add(field + ": gpsd " + v + ", ours " + ours);
        }
    }

    private void eq(String field, boolean ours) {
        JsonNode v = json.get(field);
        if (v == null || v.asBoolean() != ours) {
            mismatches.add(field + ": gpsd " + v + ", ours " + ours);
        }
    }

    private void eqIfPresent(String field, boolean ours) {
        if (json.has(field)) {
            eq(field, ours);
        }
    }

    private void eq(String field, String ours) {
        JsonNode v = json.get(field);
        if (v == null || !v.asText().equals(ours)) {
            mismatches.add(field + ": gpsd " + v + ", ours \"" + ours + "\"");
        }
    }

    private void near(String field, double ours, double tolerance) {
        JsonNode v = json.get(field);
        if (v == null || Math.abs(v.asDouble() - ours) > tolerance) {
            mismatches.add(field + ": gpsd " + v + ", ours " + ours);
        }
    }

    private static boolean parses(String iso) {
        try {
            Instant.parse(iso);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean etaValid(String eta) {
        // MM-DDTHH:MMZ
        if (eta.length() != 12) {
            return false;
        }
        int month = Integer.parseInt(eta.substring(0, 2));
        int day = Integer.parseInt(eta.substring(3, 5));
        int hour = Integer.parseInt(eta.substring(6, 8));
        int minute = Integer.parseInt(eta.substring(9, 11));
        return month >= 1 && month <= 12 && day >= 1 && hour < 24 && minute < 60;
    }
}
