package io.cordon.connectors.misb;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One ST 0903 VTarget pack. Pixel numbers count from 1, row by row: {@code (row - 1) * width +
 * column}.
 *
 * @param targetId the target's id within the VMTI system (BER-OID)
 * @param centroidPixel tag 1
 * @param boundingBoxTopLeftPixel tag 2
 * @param boundingBoxBottomRightPixel tag 3
 * @param priority tag 4: 1 (highest) to 255
 * @param confidencePercent tag 5: 0-100
 * @param location tag 17: the target's geodetic location
 * @param centroidRow tag 19
 * @param centroidColumn tag 20
 */
public record VmtiTarget(
        long targetId,
        OptionalLong centroidPixel,
        OptionalLong boundingBoxTopLeftPixel,
        OptionalLong boundingBoxBottomRightPixel,
        OptionalInt priority,
        OptionalInt confidencePercent,
        Optional<TargetLocation> location,
        OptionalLong centroidRow,
        OptionalLong centroidColumn) {}
