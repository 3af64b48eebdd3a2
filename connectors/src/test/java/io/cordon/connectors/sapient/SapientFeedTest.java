package io.cordon.connectors.sapient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.runtime.FeedDecoder;
import io.cordon.connectors.runtime.FeedDecoders;
import io.cordon.connectors.runtime.FeedFormat;
import io.cordon.connectors.runtime.FeedItem;
import io.cordon.connectors.runtime.Framing;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SAPIENT through the connector runtime: TCP length-prefix framing, garbage, oversize frames. */
class SapientFeedTest {
    private static final SensorConfig UGS =
            SensorConfig.withDefaults(
                    "ugs-1", "usa", SensorKind.GROUND_SENSOR, GeoPoint.of(31, -110));
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    private static List<FeedItem> feed(FeedDecoder d, byte[] bytes, int chunk) {
        List<FeedItem> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(
                    d.decode(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)), AT));
        }
        out.addAll(d.finish());
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void theDstlDetectionSampleFramedOverTcpInSmallReads() {
        byte[] frame = SapientFraming.frame(SapientSamples.detection().toByteArray());
        byte[] notAMessage = SapientFraming.frame(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01});
        byte[] stream = concat(frame, notAMessage, frame);
        List<FeedItem> items =
                feed(FeedDecoders.create(FeedFormat.SAPIENT, Framing.STREAM, UGS, null), stream, 5);

        assertThat(items).hasSize(3);
        assertThat(items.get(1).isError()).isTrue();
        for (FeedItem good : List.of(items.get(0), items.get(2))) {
            Observation o = good.observations().get(0);
            // detection_proto.json: location x 37 (lon), y 53 (lat), "Human" 0.8, timestamp
            PositionFix fix = (PositionFix) o.measurement();
            assertThat(fix.position().latDeg()).isEqualTo(53.0);
            assertThat(fix.position().lonDeg()).isEqualTo(37.0);
            assertThat(o.classification().targetClass()).isEqualTo(TargetClass.PERSON);
            assertThat(o.classification().confidence())
                    .isCloseTo(0.8, within(1e-6)); // float32 on the wire
            assertThat(o.eventTime()).isEqualTo(Instant.parse("2023-08-14T10:22:02.340051Z"));
            assertThat(o.observationId()).endsWith("01H7SS2G2HFG5EP09GYC8YP69C");
            assertThat(o.sensorId()).isEqualTo("ugs-1");
        }
    }

    @Test
    void anOversizeLengthPrefixIsAnErrorAndAPartialFrameAtTheEndIsReported() {
        FeedDecoder d = FeedDecoders.create(FeedFormat.SAPIENT, Framing.STREAM, UGS, null);
        List<FeedItem> items =
                new ArrayList<>(
                        d.decode(
                                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2},
                                AT));
        assertThat(items).singleElement().satisfies(i -> assertThat(i.isError()).isTrue());

        byte[] frame = SapientFraming.frame(SapientSamples.detection().toByteArray());
        assertThat(d.decode(frame, AT))
                .singleElement()
                .satisfies(i -> assertThat(i.observations()).hasSize(1));
        assertThat(d.decode(Arrays.copyOf(frame, 10), AT)).isEmpty();
        assertThat(d.finish())
                .singleElement()
                .satisfies(i -> assertThat(i.error().reason()).contains("ended inside"));
    }
}
