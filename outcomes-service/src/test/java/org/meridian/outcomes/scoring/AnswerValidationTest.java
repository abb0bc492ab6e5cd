package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.allAnswered;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.scored;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meridian.outcomes.scoring.ItemProblem.Type;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

class AnswerValidationTest {

    private final InstrumentDefinition odi = instrument("ODI");

    static Stream<Arguments> invalidAnswers() {
        return Stream.of(
                Arguments.of("above the range", 6),
                Arguments.of("below the range", -1),
                Arguments.of("a fraction", new BigDecimal("2.5")),
                Arguments.of("a double fraction", 2.5d),
                Arguments.of("a numeric string", "3"),
                Arguments.of("a boolean", true),
                Arguments.of("a long out of int range", 4_000_000_000L),
                Arguments.of("a huge integer", new BigInteger("100000000000000000000")),
                Arguments.of("a huge exponent", new BigDecimal("1E+1000000")),
                Arguments.of("a tiny fraction", new BigDecimal("1E-1000000")),
                Arguments.of("not a number", Double.NaN),
                Arguments.of("a list", List.of(3)),
                Arguments.of("an object", Map.of("value", 3)));
    }

    @ParameterizedTest(name = "{0} is invalid")
    @MethodSource("invalidAnswers")
    void rejectsAnAnswerOutsideTheItemCodesAsInvalidNotMissing(String description, Object answer) {
        Map<String, Object> answers = allAnswered(odi, 2);
        answers.put("odi_04_walking", answer);

        Rejection rejection = rejected(ENGINE.score(odi, answers));

        assertThat(rejection.problems())
                .extracting(ItemProblem::itemCode, ItemProblem::type)
                .containsExactly(tuple("odi_04_walking", Type.INVALID_VALUE));
        assertThat(rejection.problems().getFirst().message()).contains("0..5");
    }

    @Test
    void anInvalidAnswerIsNeverCountedAsTheOneMissingOdiSectionAllowed() {
        Map<String, Object> answers = allAnswered(odi, 2);
        answers.put("odi_08_sex_life", "n/a");

        assertThat(ENGINE.score(odi, answers)).isInstanceOf(Rejection.class);
    }

    @Test
    void treatsAbsentAndNullAlikeAsMissing() {
        Map<String, Object> withNull = allAnswered(odi, 2);
        withNull.put("odi_08_sex_life", null);
        Map<String, Object> withoutKey = allAnswered(odi, 2);
        withoutKey.remove("odi_08_sex_life");

        assertThat(scored(ENGINE.score(odi, withNull)).itemsMissing()).containsExactly("odi_08_sex_life");
        assertThat(scored(ENGINE.score(odi, withoutKey)).itemsMissing()).containsExactly("odi_08_sex_life");
    }

    @Test
    void rejectsAnItemCodeThatIsNotPartOfTheInstrumentEvenWhenNull() {
        Map<String, Object> answers = allAnswered(odi, 2);
        answers.put("odi_11_driving", 1);
        answers.put("rmdq_01", null);

        assertThat(rejected(ENGINE.score(odi, answers)).problems())
                .extracting(ItemProblem::itemCode, ItemProblem::type)
                .containsExactly(tuple("odi_11_driving", Type.UNKNOWN_ITEM), tuple("rmdq_01", Type.UNKNOWN_ITEM));
    }

    @Test
    void itemCodesAreCaseSensitive() {
        Map<String, Object> answers = answers("PAININ9", 1, "PAININ22", 1, "PAININ31", 1, "painin34", 1);

        assertThat(rejected(ENGINE.score(instrument("PROMIS_PI_4A"), answers)).problems())
                .extracting(ItemProblem::itemCode, ItemProblem::type)
                .containsExactly(tuple("painin34", Type.UNKNOWN_ITEM), tuple("PAININ34", Type.MISSING));
    }

    @Test
    void acceptsEveryIntegerTypeJacksonProduces() {
        Map<String, Object> answers = answers(
                "odi_01_pain_intensity",
                1,
                "odi_02_personal_care",
                1L,
                "odi_03_lifting",
                BigInteger.ONE,
                "odi_04_walking",
                BigDecimal.ONE,
                "odi_05_sitting",
                (short) 1,
                "odi_06_standing",
                1,
                "odi_07_sleeping",
                1,
                "odi_08_sex_life",
                1,
                "odi_09_social_life",
                1,
                "odi_10_travelling",
                1);

        assertThat(scored(ENGINE.score(odi, answers)).details()).hasFieldOrPropertyWithValue("total", 10);
    }

    @Test
    void acceptsANumberWithAZeroFractionAsThatInteger() {
        Map<String, Object> answers = allAnswered(odi, 1);
        answers.put("odi_01_pain_intensity", new BigDecimal("3.0"));
        answers.put("odi_02_personal_care", 3.0d);

        assertThat(scored(ENGINE.score(odi, answers)).details()).hasFieldOrPropertyWithValue("total", 14);
    }

    @Test
    void reportsEveryInvalidAndMissingItemTogetherInInstrumentOrder() {
        Map<String, Object> answers = answers(
                "odi_01_pain_intensity",
                9,
                "odi_03_lifting",
                2,
                "odi_04_walking",
                true,
                "odi_05_sitting",
                2,
                "odi_06_standing",
                2,
                "odi_07_sleeping",
                2,
                "odi_09_social_life",
                2,
                "odi_10_travelling",
                2,
                "extra",
                1);

        Rejection rejection = rejected(ENGINE.score(odi, answers));

        assertThat(rejection.problems())
                .extracting(ItemProblem::itemCode, ItemProblem::type)
                .containsExactly(
                        tuple("odi_01_pain_intensity", Type.INVALID_VALUE),
                        tuple("odi_04_walking", Type.INVALID_VALUE),
                        tuple("extra", Type.UNKNOWN_ITEM),
                        tuple("odi_02_personal_care", Type.MISSING),
                        tuple("odi_08_sex_life", Type.MISSING));
        assertThat(rejection.policyId()).isEqualTo("odi-percent-of-answered-max-missing-1");
        assertThat(rejection.instrumentVersion()).isEqualTo("2.1a");
    }

    @Test
    void doesNotListATolerableMissingItemAmongTheProblems() {
        Map<String, Object> answers = allAnswered(odi, 2);
        answers.remove("odi_08_sex_life");
        answers.put("odi_01_pain_intensity", 6);

        assertThat(rejected(ENGINE.score(odi, answers)).problems())
                .extracting(ItemProblem::itemCode)
                .containsExactly("odi_01_pain_intensity");
    }

    @Test
    void classifiesMissingAsNotInvalid() {
        assertThat(Type.MISSING.isInvalid()).isFalse();
        assertThat(Type.INVALID_VALUE.isInvalid()).isTrue();
        assertThat(Type.UNKNOWN_ITEM.isInvalid()).isTrue();
    }
}
