package io.cordon.pipeline.detect.convoy;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.convoy.ConvoyReconcilerState.Convoy;
import io.cordon.pipeline.detect.convoy.ConvoyReconcilerState.View;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One convoy, one alert id across tiles: the stage downstream of the tiles of {@link
 * ConvoyDetector} that sees every tile's convoy messages, loop-free (tiles share no state; this
 * stage only reads their output).
 *
 * <p>A tile's {@code NEW} continues an existing convoy when it holds at least {@link
 * ConvoyParameters#rejoinShare()} (and at least two) of the convoy's last members and the convoy is
 * either open in another tile (that tile's view of the same group: {@code reason=tileView}) or was
 * {@code CLOSED} by a hand-over less than {@link ConvoyParameters#rejoinS()} before ({@code
 * reason=handover}): it goes out as an {@code UPDATE} of the convoy's id with the next revision and
 * the window from the convoy's start, and the tile's later messages for it likewise. Candidates:
 * the most shared members first, then the earlier start, then the id. A view's {@code CLOSED} is
 * dropped while another view of the convoy is open; the last view's {@code CLOSED} goes out with
 * the convoy's id, except a hand-over's, which is held for {@code rejoinS} (the new tile's view may
 * alert up to minDurationS after it takes the group) and sent when that has passed unclaimed, as it
 * was. Rewritten messages carry the tile's own id as evidence {@code tileAlertId}. A convoy is
 * forgotten once its {@code CLOSED} is sent, so the state holds the open convoys and those handed
 * over in the last {@code rejoinS}.
 *
 * <p>A pure function of the state and the messages: the same messages in {@link #ORDER} give the
 * same ids and revisions. Callers give them in that order (the event time each was raised at,
 * evidence {@link #RAISED_AT}, then the tile, a tile's messages of one time in the order it raised
 * them), and call {@link #advance} as event time passes (the streaming operator on the watermark at
 * {@link #dueAt}, the offline replay at the next message and at the end).
 */
public final class ConvoyAlertReconciler {
    /** Evidence key: the event time at which the tile raised the message (ISO-8601). */
    public static final String RAISED_AT = "raisedAt";

    /** Evidence key: the tile that raised the message. */
    public static final String TILE = "tile";

    /** Evidence key on rewritten messages: the raising tile's own alert id. */
    public static final String TILE_ALERT_ID = "tileAlertId";

    /** The order the messages must be given in (ties: the order the tile raised them). */
    public static final Comparator<Alert> ORDER =
            Comparator.comparing(ConvoyAlertReconciler::raisedAt)
                    .thenComparing(ConvoyAlertReconciler::tile);

    private final ConvoyParameters parameters;

    public ConvoyAlertReconciler(ConvoyParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * When the tile raised {@code a} (evidence {@link #RAISED_AT}; its window end without it or
     * when it is not an ISO-8601 instant, as in alerts of convoy 1.3.0 and earlier).
     */
    public static Instant raisedAt(Alert a) {
        String at = a.evidence().get(RAISED_AT);
        if (at != null) {
            try {
                return Instant.parse(at);
            } catch (DateTimeParseException e) {
                // fall back to the window end
            }
        }
        return a.windowEnd();
    }

    /** The tile that raised {@code a} (empty without). */
    public static String tile(Alert a) {
        return a.evidence().getOrDefault(TILE, "");
    }

    /**
     * The messages of every tile, in any arrival order between tiles: sorted (stable) by {@link
     * #ORDER}, reconciled, and the held hand-overs sent at the end.
     */
    public List<Alert> reconcile(List<Alert> alerts) {
        List<Alert> ordered = new ArrayList<>(alerts);
        ordered.sort(ORDER);
        ConvoyReconcilerState s = ConvoyReconcilerState.EMPTY;
        List<Alert> out = new ArrayList<>();
        for (Alert a : ordered) {
            DetectorResult<ConvoyReconcilerState> r = accept(s, a);
            out.addAll(r.alerts());
            s = r.newState();
        }
        out.addAll(advance(s, null).alerts());
        return out;
    }

    /** When {@link #advance} next sends a held {@code CLOSED}, or null. */
    public Instant dueAt(ConvoyReconcilerState state) {
        if (state == null) {
            return null;
        }
        return state.convoys().stream()
                .filter(c -> c.heldClose() != null)
                .map(this::rejoinEnds)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /**
     * Event time has reached {@code now} (null: the end of the input): sends the held hand-over
     * {@code CLOSED}s whose {@code rejoinS} has passed and forgets their convoys.
     */
    public DetectorResult<ConvoyReconcilerState> advance(ConvoyReconcilerState state, Instant now) {
        Map<String, Convoy> convoys = load(state);
        List<Alert> out = new ArrayList<>();
        for (Convoy c : new ArrayList<>(convoys.values())) {
            if (c.heldClose() != null && (now == null || !now.isBefore(rejoinEnds(c)))) {
                out.add(c.heldClose());
                convoys.remove(c.alertId());
            }
        }
        return new DetectorResult<>(store(convoys), out);
    }

    /** One tile's message, given in {@link #ORDER}: what to send instead (often itself). */
    public DetectorResult<ConvoyReconcilerState> accept(ConvoyReconcilerState state, Alert a) {
        Instant at = raisedAt(a);
        DetectorResult<ConvoyReconcilerState> due = advance(state, at);
        Map<String, Convoy> convoys = load(due.newState());
        List<Alert> out = new ArrayList<>(due.alerts());
        Convoy own = viewing(convoys, a.alertId());
        if (a.state() == AlertState.NEW || own == null) {
            Convoy continued = a.state() == AlertState.NEW ? continued(convoys, a, at) : null;
            if (continued == null) {
                // a convoy of its own (or a message of a view this stage never saw open: as is)
                if (a.state() != AlertState.CLOSED) {
                    convoys.put(
                            a.alertId(),
                            new Convoy(
                                    a.alertId(),
                                    a.windowStart(),
                                    revision(a),
                                    String.join(",", a.trackIds()),
                                    List.of(new View(a.alertId(), tile(a))),
                                    null,
                                    null));
                }
                out.add(a);
            } else {
                String reason = continued.heldClose() != null ? "handover" : "tileView";
                List<View> views = new ArrayList<>(continued.views());
                views.add(new View(a.alertId(), tile(a)));
                Convoy next = sent(continued, a, views);
                convoys.put(next.alertId(), next);
                out.add(rewrite(a, next, AlertState.UPDATE, reason));
            }
        } else if (a.state() == AlertState.UPDATE) {
            Convoy next = sent(own, a, own.views());
            convoys.put(next.alertId(), next);
            out.add(rewrite(a, next, AlertState.UPDATE, null));
        } else {
            List<View> views = new ArrayList<>(own.views());
            views.removeIf(v -> v.alertId().equals(a.alertId()));
            if (!views.isEmpty()) {
                // another tile still follows the group: this view just stops
                convoys.put(own.alertId(), withViews(own, views));
            } else {
                Convoy last = sent(own, a, views);
                Alert closed = rewrite(a, last, AlertState.CLOSED, null);
                if ("handover".equals(a.evidence().get("reason")) && parameters.rejoinS() > 0) {
                    convoys.put(
                            own.alertId(),
                            new Convoy(
                                    own.alertId(),
                                    own.windowStart(),
                                    own.revision(),
                                    own.members(),
                                    views,
                                    at,
                                    closed));
                } else {
                    convoys.remove(own.alertId());
                    out.add(closed);
                }
            }
        }
        return new DetectorResult<>(store(convoys), out);
    }

    /**
     * The convoy a tile's {@code NEW} continues: open in another tile or handed over within
     * rejoinS, sharing enough of its last members.
     */
    private Convoy continued(Map<String, Convoy> convoys, Alert a, Instant at) {
        Set<String> members = new TreeSet<>(a.trackIds());
        String tile = tile(a);
        Convoy best = null;
        long bestShared = 0;
        for (Convoy c : convoys.values()) {
            boolean open =
                    !c.views().isEmpty()
                            && c.views().stream().noneMatch(v -> v.tile().equals(tile));
            boolean handedOver = c.heldClose() != null && at.isBefore(rejoinEnds(c));
            if (!open && !handedOver) {
                continue;
            }
            List<String> last = c.memberList();
            long shared = last.stream().filter(members::contains).count();
            long needed =
                    Math.max(2, (long) Math.ceil(parameters.rejoinShare() * last.size() - 1e-9));
            if (shared >= needed
                    && (best == null
                            || shared > bestShared
                            || (shared == bestShared
                                    && c.windowStart().isBefore(best.windowStart())))) {
                best = c;
                bestShared = shared;
            }
        }
        return best;
    }

    private Instant rejoinEnds(Convoy c) {
        return c.handedOverAt().plusMillis(Math.round(parameters.rejoinS() * 1000));
    }

    /** The convoy after sending a message for {@code a}: next revision, a's members. */
    private static Convoy sent(Convoy c, Alert a, List<View> views) {
        return new Convoy(
                c.alertId(),
                c.windowStart(),
                c.revision() + 1,
                String.join(",", a.trackIds()),
                views,
                null,
                null);
    }

    private static Convoy withViews(Convoy c, List<View> views) {
        return new Convoy(
                c.alertId(),
                c.windowStart(),
                c.revision(),
                c.members(),
                views,
                c.handedOverAt(),
                c.heldClose());
    }

    private static Convoy viewing(Map<String, Convoy> convoys, String viewId) {
        for (Convoy c : convoys.values()) {
            for (View v : c.views()) {
                if (v.alertId().equals(viewId)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static int revision(Alert a) {
        try {
            return Integer.parseInt(a.evidence().getOrDefault(Evidence.REVISION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * {@code a} as a message of convoy {@code c} (already advanced to this message's revision): its
     * id, revision and window start; unchanged when those are a's own.
     */
    private static Alert rewrite(Alert a, Convoy c, AlertState state, String reason) {
        Instant start =
                c.windowStart().isBefore(a.windowStart()) ? c.windowStart() : a.windowStart();
        if (c.alertId().equals(a.alertId())
                && c.revision() == revision(a)
                && start.equals(a.windowStart())
                && state == a.state()
                && reason == null) {
            return a;
        }
        Map<String, String> evidence = new TreeMap<>(a.evidence());
        evidence.put(Evidence.REVISION, Integer.toString(c.revision()));
        evidence.put(
                "durationS", Evidence.decimal(Geodesy.secondsBetween(start, a.windowEnd()), 1));
        if (reason != null) {
            evidence.put("reason", reason);
        }
        if (!c.alertId().equals(a.alertId())) {
            evidence.put(TILE_ALERT_ID, a.alertId());
        }
        return new Alert(
                c.alertId(),
                a.type(),
                a.severity(),
                state,
                start,
                a.windowEnd(),
                a.location(),
                a.trackIds(),
                a.detector(),
                a.detectorVersion(),
                Alert.evidence(evidence),
                a.marking(),
                a.summary());
    }

    private static Map<String, Convoy> load(ConvoyReconcilerState state) {
        Map<String, Convoy> convoys = new TreeMap<>();
        if (state != null) {
            state.convoys().forEach(c -> convoys.put(c.alertId(), c));
        }
        return convoys;
    }

    private static ConvoyReconcilerState store(Map<String, Convoy> convoys) {
        return convoys.isEmpty()
                ? null
                : new ConvoyReconcilerState(new ArrayList<>(convoys.values()));
    }
}
