package io.cordon.connectors.tak;

import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotEventBuilder;
import io.cordon.connectors.decode.DecodeResult;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a TAK protocol version 1 payload, a protobuf {@code TakMessage}: field 1 {@code TakControl}
 * (1 minProtoVersion, 2 maxProtoVersion, 3 contactUid), field 2 {@code CotEvent} (1 type, 5 uid,
 * 6/7/8 send/start/stale time in epoch ms, 9 how, 10-14 lat, lon, hae, ce, le as doubles, 15 {@code
 * Detail}: 2 {@code Contact} (2 callsign), 7 {@code Track} (1 speed, 2 course)). Unknown fields are
 * skipped, as protobuf requires.
 *
 * <p>proto3 cannot tell 0 from absent: a zero time is "missing" (the event is rejected), zero
 * {@code ce}/{@code le} stay 0 (the mapper then falls back to sensor defaults).
 */
public final class TakPayloadDecoder {
    private TakPayloadDecoder() {}

    /** Errors carry offset 0 and no raw bytes: the framing decoder adds them. */
    public static DecodeResult<TakMessage> decode(byte[] bytes, int from, int to) {
        WireReader r = new WireReader(bytes, from, to);
        TakControl control = null;
        DecodeResult<CotEvent> event = null;
        while (r.hasNext()) {
            long key = r.nextKey();
            int field = (int) (key >>> 3);
            if (field == 1 && r.expect(key, WireReader.LENGTH_DELIMITED) && r.lengthDelimited()) {
                control = control(new WireReader(bytes, r.from(), r.to()));
                if (control == null) {
                    return fail("malformed TakControl");
                }
            } else if (field == 2
                    && r.expect(key, WireReader.LENGTH_DELIMITED)
                    && r.lengthDelimited()) {
                event = cotEvent(bytes, r.from(), r.to());
            } else if (field != 1 && field != 2 && r.error() == null) {
                r.skip((int) (key & 7));
            }
        }
        if (r.error() != null) {
            return fail("TakMessage: " + r.error());
        }
        if (event != null && event.values().isEmpty()) {
            return fail("CotEvent: " + event.errors().get(0).reason());
        }
        return DecodeResult.of(
                new TakMessage(
                        Optional.ofNullable(control),
                        event == null ? Optional.empty() : Optional.of(event.values().get(0))));
    }

    private static TakControl control(WireReader r) {
        long min = 0;
        long max = 0;
        String uid = "";
        while (r.hasNext()) {
            long key = r.nextKey();
            switch ((int) (key >>> 3)) {
                case 1 -> min = r.expect(key, WireReader.VARINT) ? r.varint() : 0;
                case 2 -> max = r.expect(key, WireReader.VARINT) ? r.varint() : 0;
                case 3 -> uid = r.expect(key, WireReader.LENGTH_DELIMITED) ? r.string() : "";
                default -> r.skip((int) (key & 7));
            }
        }
        if (r.error() != null) {
            return null;
        }
        return new TakControl(
                (int) Math.min(Math.max(min, 1), Integer.MAX_VALUE),
                (int) Math.min(Math.max(max, 1), Integer.MAX_VALUE),
                uid);
    }

    private static DecodeResult<CotEvent> cotEvent(byte[] bytes, int from, int to) {
        WireReader r = new WireReader(bytes, from, to);
        CotEventBuilder event = new CotEventBuilder();
        double[] point = new double[5];
        while (r.hasNext()) {
            long key = r.nextKey();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> event.type(string(r, key));
                case 5 -> event.uid(string(r, key));
                case 9 -> event.how(string(r, key));
                case 6, 7, 8 -> {
                    Instant t = r.expect(key, WireReader.VARINT) ? millis(r.varint()) : null;
                    if (field == 6) {
                        event.time(t);
                    } else if (field == 7) {
                        event.start(t);
                    } else {
                        event.stale(t);
                    }
                }
                case 10, 11, 12, 13, 14 ->
                        point[field - 10] =
                                r.expect(key, WireReader.FIXED64) ? r.fixed64Double() : 0;
                case 15 -> {
                    if (r.expect(key, WireReader.LENGTH_DELIMITED) && r.lengthDelimited()) {
                        String problem = detail(new WireReader(bytes, r.from(), r.to()), event);
                        if (problem != null) {
                            return DecodeResult.error("Detail: " + problem, 0, null);
                        }
                    }
                }
                default -> r.skip((int) (key & 7));
            }
        }
        if (r.error() != null) {
            return DecodeResult.error(r.error(), 0, null);
        }
        return event.point(point[0], point[1]).accuracy(point[2], point[3], point[4]).build();
    }

    private static String detail(WireReader r, CotEventBuilder event) {
        while (r.hasNext()) {
            long key = r.nextKey();
            int field = (int) (key >>> 3);
            if ((field == 2 || field == 7)
                    && r.expect(key, WireReader.LENGTH_DELIMITED)
                    && r.lengthDelimited()) {
                WireReader sub = new WireReader(r.bytes(), r.from(), r.to());
                if (field == 2) {
                    contact(sub, event);
                } else {
                    track(sub, event);
                }
                if (sub.error() != null) {
                    return (field == 2 ? "Contact: " : "Track: ") + sub.error();
                }
            } else if (field != 2 && field != 7 && r.error() == null) {
                r.skip((int) (key & 7));
            }
        }
        return r.error();
    }

    private static void contact(WireReader r, CotEventBuilder event) {
        while (r.hasNext()) {
            long key = r.nextKey();
            if ((key >>> 3) == 2) {
                event.callsign(string(r, key));
            } else {
                r.skip((int) (key & 7));
            }
        }
    }

    private static void track(WireReader r, CotEventBuilder event) {
        double speed = 0;
        double course = 0;
        while (r.hasNext()) {
            long key = r.nextKey();
            int field = (int) (key >>> 3);
            if (field == 1 || field == 2) {
                double v = r.expect(key, WireReader.FIXED64) ? r.fixed64Double() : 0;
                if (field == 1) {
                    speed = v;
                } else {
                    course = v;
                }
            } else {
                r.skip((int) (key & 7));
            }
        }
        event.track(course, speed, Double.NaN);
    }

    private static String string(WireReader r, long key) {
        return r.expect(key, WireReader.LENGTH_DELIMITED) ? r.string() : "";
    }

    /** proto3 zero is "not set". */
    private static Instant millis(long epochMillis) {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static DecodeResult<TakMessage> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }
}
