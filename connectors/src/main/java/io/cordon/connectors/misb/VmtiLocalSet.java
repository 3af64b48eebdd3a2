package io.cordon.connectors.misb;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An ST 0903 VMTI Local Set: the detections of a video moving target indicator in one frame.
 *
 * @param precisionTimeStamp tag 2: time of the frame (microseconds since 1970)
 * @param systemName tag 3, empty when absent
 * @param version tag 4: the ST 0903 version
 * @param totalTargetsDetected tag 5
 * @param reportedTargets tag 6
 * @param frameNumber tag 7
 * @param frameWidthPixels tag 8
 * @param frameHeightPixels tag 9
 * @param sourceSensor tag 10, empty when absent
 * @param targets tag 101: the VTarget series, in order
 * @param tags every top-level tag the set carried (checksum included when present)
 */
public record VmtiLocalSet(
        Optional<Instant> precisionTimeStamp,
        String systemName,
        OptionalInt version,
        OptionalLong totalTargetsDetected,
        OptionalLong reportedTargets,
        OptionalLong frameNumber,
        OptionalLong frameWidthPixels,
        OptionalLong frameHeightPixels,
        String sourceSensor,
        List<VmtiTarget> targets,
        SortedSet<Integer> tags)
        implements MisbPacket {
    public VmtiLocalSet {
        targets = List.copyOf(targets);
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }
}
