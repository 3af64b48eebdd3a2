package io.cordon.pipeline.detect.convoy;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.observation.Marking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link ConvoyAlertReconciler} remembers: the convoys whose alert is open (one or more tiles'
 * views of the group) or was handed over less than {@link ConvoyParameters#rejoinS()} ago.
 *
 * @param convoys sorted by alert id
 */
public record ConvoyReconcilerState(List<Convoy> convoys) {
    private static final int VERSION = 1;

    public static final ConvoyReconcilerState EMPTY = new ConvoyReconcilerState(List.of());

    /**
     * One tile's alert for the group (its own id, as the tile's detector raised it).
     *
     * @param alertId the tile's alert id
     * @param tile the tile key
     */
    public record View(String alertId, String tile) {}

    /**
     * One convoy as partners see it: one alert id whatever tiles follow the group.
     *
     * @param alertId the id every message of the convoy carries (its first view's)
     * @param windowStart the start of its first view
     * @param revision the revision of its last message sent
     * @param members comma-separated track ids of its last message (sent or received)
     * @param views the tiles' open alerts that are this convoy, sorted by alert id
     * @param handedOverAt when its last view closed with {@code reason=handover} (null: open)
     * @param heldClose that {@code CLOSED}, already carrying the convoy's id and next revision:
     *     sent once {@code rejoinS} has passed without another tile continuing the convoy (null:
     *     open)
     */
    public record Convoy(
            String alertId,
            Instant windowStart,
            int revision,
            String members,
            List<View> views,
            Instant handedOverAt,
            Alert heldClose) {
        public Convoy {
            views = List.copyOf(views);
        }

        public List<String> memberList() {
            return members.isEmpty() ? List.of() : List.of(members.split(","));
        }
    }

    public ConvoyReconcilerState {
        convoys = List.copyOf(convoys);
    }

    public boolean isEmpty() {
        return convoys.isEmpty();
    }

    public byte[] toBytes() {
        StateBytes.Writer w = new StateBytes.Writer(VERSION).writeInt(convoys.size());
        for (Convoy c : convoys) {
            w.writeString(c.alertId())
                    .writeInstant(c.windowStart())
                    .writeInt(c.revision())
                    .writeString(c.members())
                    .writeInt(c.views().size());
            c.views().forEach(v -> w.writeString(v.alertId()).writeString(v.tile()));
            w.writeInstant(c.handedOverAt()).writeBoolean(c.heldClose() != null);
            if (c.heldClose() != null) {
                writeAlert(w, c.heldClose());
            }
        }
        return w.toBytes();
    }

    public static ConvoyReconcilerState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, VERSION);
        int n = r.readInt();
        List<Convoy> convoys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = r.readString();
            Instant start = r.readInstant();
            int revision = r.readInt();
            String members = r.readString();
            int k = r.readInt();
            List<View> views = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                views.add(new View(r.readString(), r.readString()));
            }
            Instant handedOverAt = r.readInstant();
            Alert held = r.readBoolean() ? readAlert(r) : null;
            convoys.add(new Convoy(id, start, revision, members, views, handedOverAt, held));
        }
        return new ConvoyReconcilerState(convoys);
    }

    private static void writeAlert(StateBytes.Writer w, Alert a) {
        w.writeString(a.alertId())
                .writeString(a.type().name())
                .writeString(a.severity().name())
                .writeString(a.state().name())
                .writeInstant(a.windowStart())
                .writeInstant(a.windowEnd())
                .writePoint(a.location())
                .writeInt(a.trackIds().size());
        a.trackIds().forEach(w::writeString);
        w.writeString(a.detector()).writeString(a.detectorVersion()).writeInt(a.evidence().size());
        a.evidence().forEach((k, v) -> w.writeString(k).writeString(v));
        w.writeBoolean(a.marking().releasableToAll()).writeInt(a.marking().partners().size());
        new TreeSet<>(a.marking().partners()).forEach(w::writeString);
        w.writeString(a.summary());
    }

    private static Alert readAlert(StateBytes.Reader r) {
        String id = r.readString();
        AlertType type = AlertType.valueOf(r.readString());
        Severity severity = Severity.valueOf(r.readString());
        AlertState state = AlertState.valueOf(r.readString());
        Instant start = r.readInstant();
        Instant end = r.readInstant();
        var location = r.readPoint();
        int n = r.readInt();
        List<String> tracks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tracks.add(r.readString());
        }
        String detector = r.readString();
        String version = r.readString();
        int e = r.readInt();
        TreeMap<String, String> evidence = new TreeMap<>();
        for (int i = 0; i < e; i++) {
            evidence.put(r.readString(), r.readString());
        }
        boolean toAll = r.readBoolean();
        int p = r.readInt();
        List<String> partners = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            partners.add(r.readString());
        }
        Marking marking = toAll ? Marking.UNRESTRICTED : Marking.releasableTo(partners);
        return new Alert(
                id,
                type,
                severity,
                state,
                start,
                end,
                location,
                tracks,
                detector,
                version,
                evidence,
                marking,
                r.readString());
    }
}
