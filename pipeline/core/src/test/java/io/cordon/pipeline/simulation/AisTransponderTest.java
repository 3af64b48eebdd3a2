package io.cordon.pipeline.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reporting intervals of ITU-R M.1371-5, Annex 1, Tables 1 (class A) and 2 (class B "CS"). */
class AisTransponderTest {
    private static final double MPS_PER_KNOT = 1852.0 / 3600.0;

    private static AisTransponder transponder(boolean classA) {
        return new AisTransponder(338_100_001, classA, "WDC0001", "TEST", 0, 0);
    }

    @Test
    void classBReportsEveryThreeMinutesUpToTwoKnots_andEveryThirtySecondsAbove() {
        AisTransponder b = transponder(false);
        assertThat(b.positionIntervalS(0)).isEqualTo(180);
        assertThat(b.positionIntervalS(1.5 * MPS_PER_KNOT)).isEqualTo(180);
        assertThat(b.positionIntervalS(2.0 * MPS_PER_KNOT)).isEqualTo(180);
        assertThat(b.positionIntervalS(2.1 * MPS_PER_KNOT)).isEqualTo(30);
        assertThat(b.positionIntervalS(30 * MPS_PER_KNOT)).isEqualTo(30);
    }

    @Test
    void classAUnderWayReportsEveryTenSixOrTwoSecondsBySpeed() {
        AisTransponder a = transponder(true);
        assertThat(a.positionIntervalS(0)).isEqualTo(10);
        assertThat(a.positionIntervalS(14 * MPS_PER_KNOT)).isEqualTo(10);
        assertThat(a.positionIntervalS(14.1 * MPS_PER_KNOT)).isEqualTo(6);
        assertThat(a.positionIntervalS(23 * MPS_PER_KNOT)).isEqualTo(6);
        assertThat(a.positionIntervalS(23.1 * MPS_PER_KNOT)).isEqualTo(2);
    }

    @Test
    void aSwitchedOffTransponderTransmitsUpToItsSwitchOffOnly() {
        AisTransponder on = transponder(true);
        assertThat(on.goesSilent()).isFalse();
        assertThat(on.transmitsAt(1e9)).isTrue();
        AisTransponder off = on.silentFrom(120);
        assertThat(off.goesSilent()).isTrue();
        assertThat(off.transmitsAt(119.9)).isTrue();
        assertThat(off.transmitsAt(120)).isFalse();
        assertThat(off.mmsi()).isEqualTo(on.mmsi());
        assertThatThrownBy(() -> on.silentFrom(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
