package io.cordon.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cordon.connectors.runtime.FeedDecoder;
import io.cordon.connectors.runtime.FeedDecoders;
import io.cordon.connectors.runtime.FeedFormat;
import io.cordon.connectors.runtime.FeedItem;
import io.cordon.connectors.runtime.Framing;
import io.cordon.jobs.connect.FeedSetup;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Decodes files in a sensor format and prints one JSON line per input record: the",
            "observations it yields as cordon.v1.Observation in protobuf JSON, or an error with the",
            "reason and where it was. Decode errors are data: the exit code is 0 unless the command",
            "line or configuration is wrong. See docs/connectors.md."
        })
public final class DecodeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;

    @Option(
            names = "--format",
            required = true,
            description = "asterix, asterix-pcap, ais, cot, tak, sapient, misb, geojson or native.")
    String format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to decode.")
    List<Path> files;

    @Option(
            names = "--sensor",
            description =
                    "Take owner, releasability, position and accuracy defaults from this registry entry.")
    String sensor;

    @Option(
            names = "--config",
            description =
                    "Configuration with the registry (default with --sensor: deploy/cordon.yaml).")
    Path config;

    @Option(
            names = "--received-at",
            description =
                    "Receive time to assume (ISO-8601 instant, e.g. 2024-05-01T12:00:00Z); formats that carry only a time of day or second of the minute are placed by it. Default: now.")
    String receivedAt;

    @Override
    public Integer call() throws IOException {
        FeedFormat feedFormat = FeedSetup.format(format);
        Path configPath =
                config != null ? config : sensor != null ? Path.of("deploy/cordon.yaml") : null;
        CordonConfig cordonConfig = configPath == null ? null : CordonConfig.load(configPath);
        SensorConfig sensorConfig = FeedSetup.sensor(feedFormat, sensor, cordonConfig);
        Instant at = receivedAt();
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new ConfigException("FILE", f, "a readable file");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            FeedDecoder decoder =
                    FeedDecoders.create(
                            feedFormat, Framing.STREAM, sensorConfig, FeedSetup::parseNative);
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    print(out, f, decoder.decode(Arrays.copyOf(buf, n), at));
                }
            }
            print(out, f, decoder.finish());
        }
        out.flush();
        return 0;
    }

    private Instant receivedAt() {
        if (receivedAt == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(receivedAt);
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    "--received-at",
                    receivedAt,
                    "an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
    }

    private static void print(PrintWriter out, Path file, List<FeedItem> items) throws IOException {
        for (FeedItem item : items) {
            out.println(JSON.writeValueAsString(json(file, item)));
        }
    }

    /** One output line. */
    static ObjectNode json(Path file, FeedItem item) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("file", file.toString());
        if (!item.record().isEmpty()) {
            n.put("record", item.record());
        }
        long offset = item.isError() ? item.error().offset() : item.offset();
        if (offset >= 0) {
            n.put("offset", offset);
        }
        if (item.line() >= 0) {
            n.put("line", item.line());
        }
        if (item.packet() >= 0) {
            n.put("packet", item.packet());
        }
        if (item.isError()) {
            ObjectNode e = n.putObject("error");
            e.put("reason", item.error().reason());
            e.put("raw", Base64.getEncoder().encodeToString(item.error().raw()));
            return n;
        }
        ArrayNode obs = n.putArray("observations");
        for (Observation o : item.observations()) {
            obs.add(JSON.readTree(protoJson(o)));
        }
        return n;
    }

    static String protoJson(Observation o) {
        try {
            return JsonFormat.printer()
                    .omittingInsignificantWhitespace()
                    .print(ObservationCodec.toProto(o));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("observation not printable as JSON", e);
        }
    }
}
