package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.tracker.DataAssociation;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerOverridesTest {
    private static final TrackerParameters BASE = TrackerParameters.defaults();

    private static Object value(RecordComponent c, TrackerParameters p) throws Exception {
        return c.getAccessor().invoke(p);
    }

    @Test
    void everyNumberIsSetByItsNameAndNothingElseChanges() throws Exception {
        int numbers = 0;
        for (RecordComponent c : TrackerParameters.class.getRecordComponents()) {
            if (c.getType() != double.class) {
                continue;
            }
            numbers++;
            double old = (double) value(c, BASE);
            // a value every check allows: a little under the old one (deleteExistence stays under
            // confirmExistence, deleteAfterS over coastAfterS)
            double wanted = c.getName().equals("deleteAfterS") ? old * 1.01 : old * 0.99;
            TrackerParameters changed =
                    TrackerOverrides.with(BASE, c.getName(), Double.toString(wanted));
            for (RecordComponent other : TrackerParameters.class.getRecordComponents()) {
                Object want = other.getName().equals(c.getName()) ? wanted : value(other, BASE);
                assertThat(value(other, changed))
                        .as("%s after setting %s", other.getName(), c.getName())
                        .isEqualTo(want);
            }
        }
        assertThat(numbers).isGreaterThanOrEqualTo(18);
        assertThat(TrackerOverrides.settableKeys())
                .contains("gateProbability", "meanSojournS", "turnRatesDegPerS", "association")
                .doesNotContain("sensors", "classNoise");
    }

    @Test
    void turnRatesAssociationAndInfinity() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("turnRatesDegPerS", "2, 4.5");
        o.put("association", "jpda");
        o.put("unscentedAboveNonlinearity", "Infinity");
        TrackerParameters p = TrackerOverrides.apply(BASE, o);
        assertThat(p.turnRatesDegPerS()).containsExactly(2.0, 4.5);
        assertThat(p.association()).isEqualTo(DataAssociation.JPDA);
        assertThat(p.unscentedAboveNonlinearity()).isInfinite();
        assertThat(TrackerOverrides.with(BASE, "turnRatesDegPerS", "").turnRatesDegPerS())
                .isEmpty();
        assertThat(TrackerOverrides.apply(BASE, Map.of())).isEqualTo(BASE);
    }

    @Test
    void badKeysAndValuesNameTheKeyTheValueAndWhatIsAllowed() {
        ConfigException unknown =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "gateProb", "0.99"),
                        ConfigException.class);
        assertThat(unknown.keyPath()).isEqualTo("tracker.gateProb");
        assertThat(unknown.getMessage()).contains("gateProbability").contains("meanSojournS");

        ConfigException range =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "gateProbability", "2"),
                        ConfigException.class);
        assertThat(range.keyPath()).isEqualTo("tracker.gateProbability");
        assertThat(range.getMessage()).contains("2").contains("(0.0, 1.0)");

        ConfigException text =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "meanSojournS", "long"),
                        ConfigException.class);
        assertThat(text.getMessage()).contains("long").contains("a number");

        ConfigException nan =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "meanSojournS", "NaN"),
                        ConfigException.class);
        assertThat(nan.keyPath()).isEqualTo("tracker.meanSojournS");

        ConfigException rates =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "turnRatesDegPerS", "2,,4"),
                        ConfigException.class);
        assertThat(rates.getMessage()).contains("2,,4").contains("separated by commas");

        ConfigException negativeRate =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "turnRatesDegPerS", "-2"),
                        ConfigException.class);
        assertThat(negativeRate.getMessage()).contains("turn rates must be finite and > 0");

        ConfigException association =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "association", "mht"),
                        ConfigException.class);
        assertThat(association.getMessage()).contains("mht").contains("gnn, jpda or jpda-star");

        ConfigException sensors =
                catchThrowableOfType(
                        () -> TrackerOverrides.with(BASE, "sensors", "x"), ConfigException.class);
        assertThat(sensors.getMessage()).contains("one of");
        assertThat(List.of(sensors.keyPath())).containsExactly("tracker.sensors");
    }
}
