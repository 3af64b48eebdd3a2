package io.cordon.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.bench.ScenarioGenerator;
import io.cordon.pipeline.bench.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrackCommandTest {
    @TempDir static Path dir;
    static Path scenario;

    @BeforeAll
    static void generate() throws Exception {
        scenario = dir.resolve("scenario");
        ScenarioGenerator.generate(ScenarioSpec.border(3, 10, 120)).writeTo(scenario);
    }

    private static int track(Path out, String... extra) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of("--scenario", scenario.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return new CommandLine(new TrackCommand()).execute(args.toArray(String[]::new));
    }

    @Test
    void eachAssociationWritesTracksInTheBenchFormat() throws Exception {
        for (String association : List.of("gnn", "jpda", "jpda-star")) {
            Path out = dir.resolve(association + ".csv");
            assertThat(track(out, "--association", association)).as(association).isZero();
            List<String> lines = Files.readAllLines(out);
            assertThat(lines.get(0)).isEqualTo("time_s,track_id,lat,lon,alt_m");
            assertThat(lines).as(association).hasSizeGreaterThan(10);
        }
    }

    @Test
    void anUnknownAssociationIsRefusedAndWritesNothing() {
        Path out = dir.resolve("refused.csv");
        assertThat(track(out, "--association", "mht")).isNotZero();
        assertThat(out).doesNotExist();
    }

    @Test
    void parametersByNameArePassedOnAndABadOneRefused() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path never = dir.resolve("never.csv");
        assertThat(track(plain)).isZero();
        // no track reaches this existence: only a handful of rows, where before there were many
        assertThat(
                        track(
                                never,
                                "--param",
                                "confirmExistence=0.9999999999",
                                "--param",
                                "deleteExistence=0.5"))
                .isZero();
        assertThat(Files.readAllLines(never).size())
                .isLessThan(Files.readAllLines(plain).size() / 2);
        Path refused = dir.resolve("unknown-param.csv");
        assertThat(track(refused, "--param", "gateProb=0.99")).isNotZero();
        assertThat(refused).doesNotExist();
    }

    @Test
    void theUnscentedThresholdIsPassedOnAndANegativeOneRefused() throws Exception {
        Path ekf = dir.resolve("ekf.csv");
        Path every = dir.resolve("every.csv");
        assertThat(track(ekf, "--unscented-above", "Infinity")).isZero();
        assertThat(track(every, "--unscented-above", "0")).isZero();
        assertThat(Files.readAllLines(every)).hasSizeGreaterThan(10);
        Path refused = dir.resolve("negative.csv");
        assertThat(track(refused, "--unscented-above", "-1")).isNotZero();
        assertThat(refused).doesNotExist();
    }
}
