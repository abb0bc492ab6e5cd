package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;
import org.meridian.outcomes.scoring.instrument.ResponseOption;

/** Each way an answer can be invalid has its own reason, which the API reports as the error's code. */
class AnswerReasonsTest {

    private static final ItemDefinition ZERO_TO_FIVE = new ItemDefinition(
            "item",
            "Item",
            List.of(0, 1, 2, 3, 4, 5).stream()
                    .map(v -> new ResponseOption(v, "" + v))
                    .toList());

    /** A scale with gaps (0, 5, 10), as a future instrument may have: 3 lies within it but is not an option. */
    private static final ItemDefinition GAPPED = new ItemDefinition(
            "gapped",
            "Gapped",
            List.of(new ResponseOption(0, "none"), new ResponseOption(5, "some"), new ResponseOption(10, "all")));

    @Test
    void tellsEachKindOfInvalidAnswerApart() {
        assertThat(reason(6, ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.OUT_OF_RANGE);
        assertThat(reason(-1, ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.OUT_OF_RANGE);
        assertThat(reason(new BigDecimal("1e12"), ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.OUT_OF_RANGE);
        assertThat(reason(3, GAPPED)).isEqualTo(ItemProblem.Reason.NOT_AN_OPTION);
        assertThat(reason(11, GAPPED)).isEqualTo(ItemProblem.Reason.OUT_OF_RANGE);
        assertThat(reason(new BigDecimal("2.5"), ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.NOT_AN_INTEGER);
        assertThat(reason("3", ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.NOT_A_NUMBER);
        assertThat(reason(true, ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.NOT_A_NUMBER);
        assertThat(reason(List.of(1), ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.NOT_A_NUMBER);
        assertThat(reason(Map.of(), ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.NOT_A_NUMBER);
        assertThat(reason(Double.NaN, ZERO_TO_FIVE)).isEqualTo(ItemProblem.Reason.NOT_A_NUMBER);
    }

    @Test
    void theCoarseTypeStaysAsBeforeForDrafts() {
        assertThat(ItemProblem.Reason.MISSING.type()).isEqualTo(ItemProblem.Type.MISSING);
        assertThat(ItemProblem.Reason.UNKNOWN_ITEM.type()).isEqualTo(ItemProblem.Type.UNKNOWN_ITEM);
        assertThat(List.of(
                        ItemProblem.Reason.NOT_A_NUMBER,
                        ItemProblem.Reason.NOT_AN_INTEGER,
                        ItemProblem.Reason.OUT_OF_RANGE,
                        ItemProblem.Reason.NOT_AN_OPTION))
                .allSatisfy(reason -> assertThat(reason.type()).isEqualTo(ItemProblem.Type.INVALID_VALUE));
    }

    private static ItemProblem.Reason reason(Object answer, ItemDefinition item) {
        AnswerReader.Reading reading = AnswerReader.read(answer, item);
        assertThat(reading).isInstanceOf(AnswerReader.Invalid.class);
        return ((AnswerReader.Invalid) reading).reason();
    }
}
