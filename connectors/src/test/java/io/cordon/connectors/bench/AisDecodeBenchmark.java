package io.cordon.connectors.bench;

import io.cordon.connectors.ais.AisObservationMapper;
import io.cordon.connectors.ais.AisReport;
import io.cordon.connectors.ais.AisStreamDecoder;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.observation.Marking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * AIS sentences decoded per second on one thread (one core): every {@code !AIVDM}/{@code !AIVDO}
 * line of the gpsd corpus (mixed types, single and multi-sentence, with their checksums), one line
 * per {@code decode} call as a UDP feed delivers them. {@code decodeAndMap} adds the mapping of
 * position reports to core observations.
 *
 * <p>Run: {@code ./mvnw -o -q -pl connectors test-compile} then {@code java -cp
 * connectors/target/test-classes:connectors/target/classes:<test classpath>
 * io.cordon.connectors.bench.AisDecodeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AisDecodeBenchmark {
    static final int SENTENCES = 512;

    private byte[][] lines;
    private AisStreamDecoder decoder;
    private AisObservationMapper mapper;
    private Instant receivedAt;

    @Setup
    public void setUp() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (String file :
                List.of(
                        "ais-gpsd/sample.aivdm",
                        "ais-gpsd/daemon/ais-18-27.log",
                        "ais-gpsd/daemon/ais-raw-messages.log")) {
            for (String line :
                    Files.readAllLines(peerdata().resolve(file), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("!AIVD")) {
                    corpus.add(line.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        lines = new byte[SENTENCES][];
        for (int i = 0; i < SENTENCES; i++) {
            lines[i] = corpus.get(i % corpus.size());
        }
        decoder = new AisStreamDecoder();
        mapper =
                new AisObservationMapper(
                        new SensorDefaults("bench", "ais-bench", Marking.UNRESTRICTED, 25.0));
        receivedAt = Instant.parse("2026-03-01T12:00:00Z");
    }

    @Benchmark
    @OperationsPerInvocation(SENTENCES)
    public void decode(Blackhole bh) {
        for (byte[] line : lines) {
            bh.consume(decoder.decode(line, receivedAt));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SENTENCES)
    public void decodeAndMap(Blackhole bh) {
        for (byte[] line : lines) {
            DecodeResult<AisReport> r = decoder.decode(line, receivedAt);
            for (AisReport report : r.values()) {
                bh.consume(mapper.map(report));
            }
        }
    }

    static Path peerdata() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("peerdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/peerdata not found above the working directory");
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(AisDecodeBenchmark.class.getSimpleName()).build())
                .run();
    }
}
