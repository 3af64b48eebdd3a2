package io.cordon.pipeline.flink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecodeResultTest {

    @Test
    void okHoldsItsValue() {
        DecodeResult<String> ok = DecodeResult.ok("x");

        assertThat(ok.isOk()).isTrue();
        assertThat(ok.orElseThrow()).isEqualTo("x");
    }

    @Test
    void failedThrowsItsReasonOnlyWhenAskedForAValue() {
        DecodeResult<String> failed = DecodeResult.failed("range_m must be >= 0, was -1.0");

        assertThat(failed.isOk()).isFalse();
        assertThatThrownBy(failed::orElseThrow)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("range_m must be >= 0, was -1.0");
    }

    @Test
    void aFailureNeedsAReasonAndASuccessAValue() {
        assertThatThrownBy(() -> DecodeResult.failed(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecodeResult.ok(null)).isInstanceOf(NullPointerException.class);
    }
}
