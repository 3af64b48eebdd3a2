package io.cordon.connectors.asterix.bench;

import io.cordon.connectors.asterix.PeerData;
import io.cordon.connectors.asterix.cat048.Cat048;
import io.cordon.connectors.asterix.cat048.Cat048Plot;
import io.cordon.connectors.asterix.observation.AsterixObservationMapper;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.pcap.PcapReader;
import io.cordon.connectors.pcap.UdpDatagram;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * CAT048 records decoded per second on one thread (one core). The input is every CAT048 datagram of
 * the public capture {@code asterix/input/cat_034_048.pcap} (128 records with Mode S identities,
 * BDS registers and track data, one or more records per block), one {@code decode} call per
 * datagram as a UDP feed delivers them; the score is records per second. {@code decodeAndMap} adds
 * the mapping of every plot to a core {@code Observation}.
 *
 * <p>Run (from the repository root, after {@code ./mvnw -o -q -pl connectors test-compile} and
 * {@code ./mvnw -o -q -pl connectors dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=/tmp/cp.txt}): {@code java -cp
 * connectors/target/test-classes:connectors/target/classes:$(cat /tmp/cp.txt)
 * io.cordon.connectors.asterix.bench.Cat048DecodeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class Cat048DecodeBenchmark {
    /** CAT048 records in the capture's CAT048 datagrams (checked in {@link #setUp}). */
    static final int RECORDS = 128;

    private byte[][] datagrams;
    private AsterixObservationMapper mapper;
    private LocalDate day;

    @Setup
    public void setUp() {
        List<byte[]> cat048 = new ArrayList<>();
        int records = 0;
        for (UdpDatagram d :
                PcapReader.read(PeerData.bytes("asterix/input/cat_034_048.pcap")).values()) {
            if (d.payload().length > 0 && d.payload()[0] == 48) {
                cat048.add(d.payload());
                records += Cat048.decode(d.payload()).values().size();
            }
        }
        if (records != RECORDS) {
            throw new IllegalStateException(
                    "expected " + RECORDS + " CAT048 records, found " + records);
        }
        datagrams = cat048.toArray(new byte[0][]);
        mapper =
                new AsterixObservationMapper(
                        SensorConfig.withDefaults(
                                "bench-radar",
                                "bench",
                                SensorKind.GROUND_RADAR,
                                new GeoPoint(45.7, 16.0, 120)));
        day = LocalDate.of(2016, 5, 5);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decode(Blackhole bh) {
        for (byte[] datagram : datagrams) {
            bh.consume(Cat048.decoder().decode(datagram));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decodeAndMap(Blackhole bh) {
        for (byte[] datagram : datagrams) {
            DecodeResult<Cat048Plot> plots = Cat048.decoder().decode(datagram);
            for (Cat048Plot plot : plots.values()) {
                DecodeResult<Observation> o = mapper.map(plot, day);
                bh.consume(o);
            }
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(
                        new OptionsBuilder()
                                .include(Cat048DecodeBenchmark.class.getSimpleName())
                                .build())
                .run();
    }
}
