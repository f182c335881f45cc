package io.atspec.runtime.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void aValueIsInRangesWhenOnePairHoldsItBoundsIncluded() {
        assertThat(Values.inRanges(1, 1, 1)).isTrue();
        assertThat(Values.inRanges(5, 1, 1, 3, 5)).isTrue();
        assertThat(Values.inRanges(3, 1, 1, 3, 5)).isTrue();
        assertThat(Values.inRanges(2, 1, 1, 3, 5)).isFalse();
        assertThat(Values.inRanges(6, 1, 1, 3, 5)).isFalse();
        assertThat(Values.inRanges(0)).isFalse();
    }

    @Test
    void notANumberLiesInNoRange() {
        assertThat(Values.inRanges(Values.number("abc"), Long.MIN_VALUE + 1, Long.MAX_VALUE))
                .isFalse();
    }

    @Test
    void boundsThatAreNotPairsAreRefused() {
        assertThatThrownBy(() -> Values.inRanges(1, 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bounds come in pairs lo,hi; got 3 values");
    }

    @Test
    void numberReadsDecimalCodesAndMarksTheRest() {
        assertThat(Values.number("200")).isEqualTo(200);
        assertThat(Values.number("-3")).isEqualTo(-3);
        assertThat(Values.number(" 7")).isEqualTo(7);
        assertThat(Values.number("0x10")).isEqualTo(Long.MIN_VALUE);
        assertThat(Values.number("")).isEqualTo(Long.MIN_VALUE);
        assertThat(Values.number(null)).isEqualTo(Long.MIN_VALUE);
        assertThat(Values.number("99999999999999999999")).isEqualTo(Long.MIN_VALUE);
    }
}
