package io.cordon.jobs.bench;

import com.google.protobuf.CodedOutputStream;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A load generator for the fusion benchmark: {@code targets} targets at constant velocity spread
 * over a box around the reference, reported as position fixes with 10 m noise by one of four
 * quadrant sensors, every target once per frame. The frame period sets the rate: rate = targets /
 * period. Deterministic for a seed.
 */
final class SyntheticTargets {
    static final double HALF_EAST_M = 40_000;
    static final double HALF_NORTH_M = 30_000;
    static final double SIGMA_M = 10;
    static final String PARTNER = "bench";

    /** The quadrant sensors, by quadrant index (east bit 1, north bit 0). */
    private static final String[] SENSORS = {"bench-ws", "bench-wn", "bench-es", "bench-en"};

    private final LocalTangentPlane plane;

    /** Scratch for {@link LocalTangentPlane#surfacePoint(double, double, double[])}. */
    private final double[] geodetic = new double[7];

    private final double[] east;
    private final double[] north;
    private final double[] velocityEast;
    private final double[] velocityNorth;
    private final SplittableRandom noise;

    /** One target's report in a frame: its index, quadrant and measured position. */
    private interface Report {
        void accept(int target, int quadrant, GeoPoint measured);
    }

    /** A frame's reports as Kafka records of {@code cordon.observations.v1}. */
    interface RecordSink {
        void accept(byte[] key, byte[] value);
    }

    SyntheticTargets(GeoPoint reference, int targets, long seed) {
        plane = new LocalTangentPlane(reference);
        SplittableRandom rnd = new SplittableRandom(seed);
        east = new double[targets];
        north = new double[targets];
        velocityEast = new double[targets];
        velocityNorth = new double[targets];
        for (int i = 0; i < targets; i++) {
            east[i] = rnd.nextDouble(-HALF_EAST_M, HALF_EAST_M);
            north[i] = rnd.nextDouble(-HALF_NORTH_M, HALF_NORTH_M);
            double speed = rnd.nextDouble(3, 15);
            double heading = rnd.nextDouble(0, 2 * Math.PI);
            velocityEast[i] = speed * Math.sin(heading);
            velocityNorth[i] = speed * Math.cos(heading);
        }
        noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    int targets() {
        return east.length;
    }

    /**
     * One frame at {@code time}, {@code dtS} seconds after the previous: every target reported
     * once.
     */
    List<Observation> frame(Instant time, double dtS, long frameIndex) {
        List<Observation> out = new ArrayList<>(east.length);
        advance(
                dtS,
                (i, quadrant, measured) ->
                        out.add(
                                new Observation(
                                        observationId(quadrant, frameIndex, i),
                                        PARTNER,
                                        SENSORS[quadrant],
                                        SensorKind.DRONE,
                                        time,
                                        PositionFix.isotropic(measured, SIGMA_M),
                                        null,
                                        null,
                                        null,
                                        Marking.UNRESTRICTED)));
        return out;
    }

    /**
     * The same frame as {@link #frame} (the same targets' motion and noise) as the records the
     * connectors would publish: key the sensor id, value the observation's protobuf bytes, the
     * bytes {@code ObservationCodec.toBytes} gives for the observation {@link #frame} makes,
     * written directly (the generator shares the benchmark's two cores with the job).
     */
    void frameRecords(Instant time, double dtS, long frameIndex, RecordSink out) {
        ObservationWriter writer = new ObservationWriter(time);
        advance(
                dtS,
                (i, quadrant, measured) ->
                        out.accept(
                                ObservationWriter.KEYS[quadrant],
                                writer.write(
                                        observationId(quadrant, frameIndex, i),
                                        quadrant,
                                        measured)));
    }

    private void advance(double dtS, Report report) {
        for (int i = 0; i < east.length; i++) {
            east[i] += velocityEast[i] * dtS;
            north[i] += velocityNorth[i] * dtS;
            if (Math.abs(east[i]) > HALF_EAST_M) {
                velocityEast[i] = -velocityEast[i];
            }
            if (Math.abs(north[i]) > HALF_NORTH_M) {
                velocityNorth[i] = -velocityNorth[i];
            }
            int quadrant = (east[i] < 0 ? 0 : 2) + (north[i] < 0 ? 0 : 1);
            // Bowring's closed form, not the iteration: within a micrometre of it, and the
            // generator's thread about half as busy (docs/benchmarks.md)
            plane.surfacePoint(
                    east[i] + gaussian() * SIGMA_M, north[i] + gaussian() * SIGMA_M, geodetic);
            report.accept(i, quadrant, new GeoPoint(geodetic[0], geodetic[1], geodetic[2]));
        }
    }

    private static String observationId(int quadrant, long frameIndex, int target) {
        return SENSORS[quadrant] + "-" + frameIndex + "-" + target;
    }

    private double gaussian() {
        double u1 = 1.0 - noise.nextDouble();
        double u2 = noise.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Writes the benchmark's observations as protobuf: {@code Observation} fields 1
     * (observation_id), 2 (provenance), 3 (event_time), 7 (marking: releasable to all) and 11
     * (position: a GeodeticPosition with the isotropic covariance), in field-number order and
     * leaving out proto3 default values, as the generated code does.
     */
    private static final class ObservationWriter {
        private static final byte[][] KEYS = new byte[SENSORS.length][];
        private static final byte[][] PROVENANCE = new byte[SENSORS.length][];
        private static final byte[] MARKING =
                io.cordon.proto.v1.Marking.newBuilder()
                        .setReleasableToAll(true)
                        .build()
                        .toByteArray();
        private static final double VARIANCE = SIGMA_M * SIGMA_M;

        static {
            for (int q = 0; q < SENSORS.length; q++) {
                KEYS[q] = SENSORS[q].getBytes(StandardCharsets.UTF_8);
                PROVENANCE[q] =
                        io.cordon.proto.v1.Provenance.newBuilder()
                                .setPartnerId(PARTNER)
                                .setSensorId(SENSORS[q])
                                .setSensorKind(io.cordon.proto.v1.SensorKind.SENSOR_KIND_DRONE)
                                .build()
                                .toByteArray();
            }
        }

        /** The frame's event time, the one part that changes from frame to frame. */
        private final byte[] eventTime;

        private final byte[] scratch = new byte[512];

        ObservationWriter(Instant time) {
            eventTime =
                    com.google.protobuf.Timestamp.newBuilder()
                            .setSeconds(time.getEpochSecond())
                            .setNanos(time.getNano())
                            .build()
                            .toByteArray();
        }

        byte[] write(String id, int quadrant, GeoPoint p) {
            int positionSize =
                    doubleSize(1, p.latDeg()) + doubleSize(2, p.lonDeg()) + doubleSize(3, p.altM());
            int covarianceSize = doubleSize(1, VARIANCE) + doubleSize(3, VARIANCE);
            int geodeticSize =
                    CodedOutputStream.computeTagSize(1)
                            + CodedOutputStream.computeUInt32SizeNoTag(positionSize)
                            + positionSize
                            + CodedOutputStream.computeTagSize(2)
                            + CodedOutputStream.computeUInt32SizeNoTag(covarianceSize)
                            + covarianceSize;
            CodedOutputStream out = CodedOutputStream.newInstance(scratch);
            try {
                out.writeString(1, id);
                out.writeByteArray(2, PROVENANCE[quadrant]);
                out.writeByteArray(3, eventTime);
                out.writeByteArray(7, MARKING);
                out.writeTag(11, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(geodeticSize);
                out.writeTag(1, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(positionSize);
                writeDouble(out, 1, p.latDeg());
                writeDouble(out, 2, p.lonDeg());
                writeDouble(out, 3, p.altM());
                out.writeTag(2, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(covarianceSize);
                writeDouble(out, 1, VARIANCE);
                writeDouble(out, 3, VARIANCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // an id too long for the scratch buffer
            }
            return Arrays.copyOf(scratch, out.getTotalBytesWritten());
        }

        private static int doubleSize(int field, double v) {
            return Double.doubleToRawLongBits(v) == 0
                    ? 0
                    : CodedOutputStream.computeDoubleSize(field, v);
        }

        private static void writeDouble(CodedOutputStream out, int field, double v)
                throws IOException {
            if (Double.doubleToRawLongBits(v) != 0) {
                out.writeDouble(field, v);
            }
        }
    }
}
