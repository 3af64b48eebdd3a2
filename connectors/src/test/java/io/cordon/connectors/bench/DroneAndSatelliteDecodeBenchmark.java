package io.cordon.connectors.bench;

import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.geojson.SatelliteDetectionDecoder;
import io.cordon.connectors.misb.MisbKlvDecoder;
import io.cordon.connectors.tak.TakMeshDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Messages decoded per second on one thread for the drone and satellite formats: one CoT XML event
 * (takproto golden), the same event as a TAK v1 mesh datagram, the five jMISB ST 0903 VMTI packets
 * in one buffer (ops = buffers), and the ST 0902 dynamic-only ST 0601 packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DroneAndSatelliteDecodeBenchmark {
    private byte[] cotXml;
    private byte[] takMesh;
    private byte[] vmti;
    private byte[] uas;
    private byte[] geojson;
    private final CotXmlDecoder cot = new CotXmlDecoder();
    private final TakMeshDecoder tak = new TakMeshDecoder();
    private final MisbKlvDecoder misb = new MisbKlvDecoder();
    private final SatelliteDetectionDecoder satellite = new SatelliteDetectionDecoder();

    @Setup
    public void setUp() throws IOException {
        Path root = AisDecodeBenchmark.peerdata();
        cotXml = Files.readAllBytes(root.resolve("cot-tak/takproto-golden/event.cot.xml"));
        takMesh = Files.readAllBytes(root.resolve("cot-tak/takproto-golden/event.takv1-mesh.bin"));
        vmti = Files.readAllBytes(root.resolve("misb-klv/jmisb/0903.bin"));
        uas = Files.readAllBytes(root.resolve("misb-klv/klvdata/DynamicOnlyMISMMSPacketData.bin"));
        geojson =
                ("{\"type\":\"Feature\",\"id\":\"d1\",\"geometry\":{\"type\":\"Point\","
                                + "\"coordinates\":[-117.3125,32.441]},\"properties\":{\"time\":"
                                + "\"2026-03-01T13:45:12.250Z\",\"sigma_major_m\":60,\"sigma_minor_m\":20,"
                                + "\"orientation_deg\":30,\"vessel_length_m\":42.5,\"confidence\":0.87}}")
                        .getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Object cotXmlEvent() {
        return cot.decode(cotXml);
    }

    @Benchmark
    public Object takMeshEvent() {
        return tak.decode(takMesh);
    }

    @Benchmark
    public Object misbVmtiFivePackets() {
        return misb.decode(vmti);
    }

    @Benchmark
    public Object misbUasDatalinkPacket() {
        return misb.decode(uas);
    }

    @Benchmark
    public Object geojsonDetection() {
        return satellite.decode(geojson);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(
                        new OptionsBuilder()
                                .include(DroneAndSatelliteDecodeBenchmark.class.getSimpleName())
                                .build())
                .run();
    }
}
