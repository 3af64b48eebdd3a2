package io.cordon.connectors.cot;

import java.time.Instant;
import java.util.Optional;

/**
 * One Cursor on Target event, from XML or from a TAK protocol v1 message.
 *
 * @param uid the event's unique id (stable per entity for tracks)
 * @param type the type atom path
 * @param how how the position was obtained ({@code h-e} human estimated, {@code m-g} GPS, {@code
 *     m-f} fused, {@code m-p} predicted, {@code m-r} relayed, ...); empty when not given
 * @param time when the event was generated
 * @param start start of the event's validity
 * @param stale end of the event's validity
 * @param point where
 * @param track course and speed from {@code <detail><track>}; absent when not given
 * @param callsign {@code <detail><contact callsign>}; empty when not given
 */
public record CotEvent(
        String uid,
        CotType type,
        String how,
        Instant time,
        Instant start,
        Instant stale,
        CotPoint point,
        Optional<CotTrack> track,
        String callsign) {}
