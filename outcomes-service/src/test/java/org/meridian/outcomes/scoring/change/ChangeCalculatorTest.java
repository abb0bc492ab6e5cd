package org.meridian.outcomes.scoring.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.score;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ScoreDirection;
import org.meridian.outcomes.scoring.math.Rational;

class ChangeCalculatorTest {

    private final ChangeCalculator calculator = new ChangeCalculator();

    @Test
    void odiThirtyOfFortyFiveToTwentyOneOfFortyFiveIsExactlyThirtyPercentAndARelativeResponder() {
        Score baseline = odiScore(30);
        Score followUp = odiScore(21);

        ChangeResult result = change(instrument("ODI"), baseline, followUp);

        assertThat(baseline.exactValue()).isEqualTo(Rational.of(200, 3));
        assertThat(result.percentImprovement()).isEqualByComparingTo("30");
        assertThat(result.percentImprovement()).hasToString("30");
        assertThat(result.responderRelative()).isTrue();
        assertThat(result.improvedAtLeast30Percent()).isTrue();
        assertThat(result.improvedAtLeast50Percent()).isFalse();
        assertThat(result.improvement()).isEqualByComparingTo("20");
        assertThat(result.change()).isEqualByComparingTo("-20");
        assertThat(result.responderAbsolute()).isTrue();
        assertThat(result.responder()).isTrue();
        assertThat(result.deteriorationAbsolute()).isFalse();
        assertThat(result.deteriorationRelative()).isFalse();
    }

    @Test
    void doublesWouldMissTheThirtyPercentThresholdThatExactFractionsHit() {
        double baseline = 30.0 / 45 * 100;
        double followUp = 21.0 / 45 * 100;

        assertThat((baseline - followUp) / baseline * 100).isLessThan(30.0);
        assertThat(relative(instrument("ODI"), Rational.of(200, 3), Rational.of(140, 3))
                        .responderRelative())
                .isTrue();
    }

    @Test
    void comparesOdiPercentsOnDifferentDenominatorsExactly() {
        Score baseline = odiScore(30);
        Score followUp = odiScoreAllSections(21);

        ChangeResult result = change(instrument("ODI"), baseline, followUp);

        // 200/3 -> 42: improvement 74/3, percent 37
        assertThat(result.percentImprovement()).hasToString("37");
        assertThat(result.responderRelative()).isTrue();
    }

    @Test
    void nrsImprovementOfExactlyTwoPointsIsAnAbsoluteResponder() {
        ChangeResult result = nrs(8, 6);

        assertThat(result.change()).isEqualByComparingTo("-2");
        assertThat(result.improvement()).isEqualByComparingTo("2");
        assertThat(result.percentImprovement()).isEqualByComparingTo("25");
        assertThat(result.responderAbsolute()).isTrue();
        assertThat(result.responderRelative()).isFalse();
        assertThat(result.responder()).isTrue();
    }

    @Test
    void nrsImprovementOfOnePointBelowThirtyPercentIsNotAResponder() {
        ChangeResult result = nrs(8, 7);

        assertThat(result.responderAbsolute()).isFalse();
        assertThat(result.responderRelative()).isFalse();
        assertThat(result.responder()).isFalse();
    }

    @Test
    void nrsThirtyPercentImprovementWithoutTheMcidIsARelativeResponder() {
        ChangeResult result = nrs(3, 2);

        assertThat(result.percentImprovement()).hasToString("33.33333333333333333333");
        assertThat(result.responderAbsolute()).isFalse();
        assertThat(result.responderRelative()).isTrue();
        assertThat(result.responder()).isTrue();
    }

    @Test
    void fiftyPercentImprovementMeetsTheImmpactSubstantialThreshold() {
        ChangeResult result = nrs(8, 4);

        assertThat(result.improvedAtLeast30Percent()).isTrue();
        assertThat(result.improvedAtLeast50Percent()).isTrue();
    }

    @Test
    void worseningByTheMcidIsAnAbsoluteDeterioration() {
        ChangeResult result = nrs(4, 6);

        assertThat(result.change()).isEqualByComparingTo("2");
        assertThat(result.improvement()).isEqualByComparingTo("-2");
        assertThat(result.percentImprovement()).isEqualByComparingTo("-50");
        assertThat(result.deteriorationAbsolute()).isTrue();
        assertThat(result.deteriorationRelative()).isTrue();
        assertThat(result.responder()).isFalse();
    }

    @Test
    void worseningByExactlyThirtyPercentIsARelativeDeterioration() {
        ChangeResult thirtyPercentWorse = relative(instrument("RMDQ"), Rational.of(10), Rational.of(13));
        ChangeResult twentyPercentWorse = relative(instrument("RMDQ"), Rational.of(10), Rational.of(12));

        assertThat(thirtyPercentWorse.percentImprovement()).isEqualByComparingTo("-30");
        assertThat(thirtyPercentWorse.deteriorationRelative()).isTrue();
        assertThat(thirtyPercentWorse.deteriorationAbsolute()).isFalse();
        assertThat(twentyPercentWorse.deteriorationRelative()).isFalse();
    }

    @Test
    void baselineZeroLeavesPercentAndRelativeFlagsNull() {
        ChangeResult result = nrs(0, 3);

        assertThat(result.percentImprovement()).isNull();
        assertThat(result.responderRelative()).isNull();
        assertThat(result.deteriorationRelative()).isNull();
        assertThat(result.improvedAtLeast30Percent()).isNull();
        assertThat(result.improvedAtLeast50Percent()).isNull();
        assertThat(result.deteriorationAbsolute()).isTrue();
        assertThat(result.responder()).isFalse();
    }

    @Test
    void rmdqImprovementOfFivePointsIsAnAbsoluteResponder() {
        ChangeResult result = relative(instrument("RMDQ"), Rational.of(20), Rational.of(15));

        assertThat(result.responderAbsolute()).isTrue();
        assertThat(result.responderRelative()).isFalse();
        assertThat(result.responder()).isTrue();
    }

    @Test
    void pegHasNoAbsoluteMcidSoItsAbsoluteFlagsAreNull() {
        Score baseline = score("PEG", answers("peg_pain", 6, "peg_enjoyment", 5, "peg_general_activity", 4));
        Score followUp = score("PEG", answers("peg_pain", 4, "peg_enjoyment", 3, "peg_general_activity", 3));

        ChangeResult result = change(instrument("PEG"), baseline, followUp);

        // 5 -> 10/3: improvement 5/3, percent 100/3
        assertThat(result.improvement()).hasToString("1.66666666666666666667");
        assertThat(result.responderAbsolute()).isNull();
        assertThat(result.deteriorationAbsolute()).isNull();
        assertThat(result.responderRelative()).isTrue();
        assertThat(result.responder()).isTrue();
    }

    @Test
    void pegFromBaselineZeroHasNoApplicableResponderFlagAtAll() {
        ChangeResult result = relative(instrument("PEG"), Rational.ZERO, Rational.of(2));

        assertThat(result.responderAbsolute()).isNull();
        assertThat(result.responderRelative()).isNull();
        assertThat(result.responder()).isNull();
        assertThat(result.deteriorationAbsolute()).isNull();
        assertThat(result.deteriorationRelative()).isNull();
    }

    @Test
    void promisRelativeFlagsAndPercentAreAlwaysNull() {
        Score baseline = score("PROMIS_PI_4A", answers("PAININ9", 4, "PAININ22", 4, "PAININ31", 4, "PAININ34", 4));
        Score followUp = score("PROMIS_PI_4A", answers("PAININ9", 1, "PAININ22", 1, "PAININ31", 1, "PAININ34", 1));

        ChangeResult result = change(instrument("PROMIS_PI_4A"), baseline, followUp);

        assertThat(result.change()).isEqualByComparingTo("-25.0");
        assertThat(result.percentImprovement()).isNull();
        assertThat(result.responderRelative()).isNull();
        assertThat(result.deteriorationRelative()).isNull();
        assertThat(result.improvedAtLeast30Percent()).isNull();
        assertThat(result.improvedAtLeast50Percent()).isNull();
        assertThat(result.responderAbsolute()).isTrue();
        assertThat(result.responder()).isTrue();
    }

    @Test
    void promisImprovementOfExactlyThreeTPointsIsAResponderAndLessIsNot() {
        InstrumentDefinition promis = instrument("PROMIS_PI_4A");

        assertThat(relative(promis, Rational.of(new BigDecimal("61.2")), Rational.of(new BigDecimal("58.2")))
                        .responderAbsolute())
                .isTrue();
        assertThat(relative(promis, Rational.of(new BigDecimal("61.2")), Rational.of(new BigDecimal("58.5")))
                        .responderAbsolute())
                .isFalse();
    }

    @Test
    void issUsesTheAbsoluteMcidOnlyAndDeterioratesAtThreePoints() {
        ChangeResult result = relative(instrument("NIH_ISS"), Rational.of(30), Rational.of(33));

        assertThat(result.deteriorationAbsolute()).isTrue();
        assertThat(result.responderAbsolute()).isFalse();
        assertThat(result.percentImprovement()).isNull();
        assertThat(result.responderRelative()).isNull();
        assertThat(result.deteriorationRelative()).isNull();
        assertThat(result.responder()).isFalse();
    }

    @Test
    void forHigherIsBetterImprovementIsFollowUpMinusBaseline() {
        InstrumentDefinition physicalFunction =
                withDirection(instrument("NRS_BACK_PAIN"), ScoreDirection.HIGHER_IS_BETTER);

        ChangeResult better = relative(physicalFunction, Rational.of(4), Rational.of(6));
        ChangeResult worse = relative(physicalFunction, Rational.of(6), Rational.of(4));

        assertThat(better.change()).isEqualByComparingTo("2");
        assertThat(better.improvement()).isEqualByComparingTo("2");
        assertThat(better.percentImprovement()).isEqualByComparingTo("50");
        assertThat(better.responderAbsolute()).isTrue();
        assertThat(better.deteriorationAbsolute()).isFalse();
        assertThat(worse.change()).isEqualByComparingTo("-2");
        assertThat(worse.improvement()).isEqualByComparingTo("-2");
        assertThat(worse.deteriorationAbsolute()).isTrue();
        assertThat(worse.responder()).isFalse();
    }

    @Test
    void pgicIsNotAChangeMeasure() {
        ChangeOutcome outcome = calculator.calculate(instrument("PGIC"), Rational.of(2), Rational.of(1));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ChangeNotApplicable.class,
                        notApplicable -> assertThat(notApplicable.reason()).contains("codes 1-2"));
    }

    @Test
    void startBackIsNotAChangeMeasure() {
        ChangeOutcome outcome = calculator.calculate(instrument("STARTBACK"), Rational.of(6), Rational.of(2));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ChangeNotApplicable.class,
                        notApplicable -> assertThat(notApplicable.reason()).contains("risk screen"));
    }

    @Test
    void vasImprovementOfExactlyFifteenMillimetresIsAnAbsoluteResponderAndFourteenIsNot() {
        ChangeResult fifteen = vas(60, 45);
        ChangeResult fourteen = vas(60, 46);

        assertThat(fifteen.improvement()).isEqualByComparingTo("15");
        assertThat(fifteen.percentImprovement()).isEqualByComparingTo("25");
        assertThat(fifteen.responderAbsolute()).isTrue();
        assertThat(fifteen.responderRelative()).isFalse();
        assertThat(fifteen.responder()).isTrue();
        assertThat(fourteen.responderAbsolute()).isFalse();
        assertThat(fourteen.responder()).isFalse();
    }

    @Test
    void vasThirtyPercentImprovementBelowTheMcidIsARelativeResponder() {
        ChangeResult result = vas(40, 28);

        assertThat(result.improvement()).isEqualByComparingTo("12");
        assertThat(result.percentImprovement()).isEqualByComparingTo("30");
        assertThat(result.responderAbsolute()).isFalse();
        assertThat(result.responderRelative()).isTrue();
        assertThat(result.responder()).isTrue();
    }

    @Test
    void vasWorseningByTheMcidAndByThirtyPercentAreDeteriorations() {
        ChangeResult absolute = vas(70, 85);
        ChangeResult relative = vas(20, 26);

        assertThat(absolute.change()).isEqualByComparingTo("15");
        assertThat(absolute.deteriorationAbsolute()).isTrue();
        assertThat(absolute.deteriorationRelative()).isFalse();
        assertThat(relative.percentImprovement()).isEqualByComparingTo("-30");
        assertThat(relative.deteriorationAbsolute()).isFalse();
        assertThat(relative.deteriorationRelative()).isTrue();
    }

    @Test
    void vasFromBaselineZeroHasNoPercentAndNoRelativeFlags() {
        ChangeResult result = vas(0, 20);

        assertThat(result.percentImprovement()).isNull();
        assertThat(result.responderRelative()).isNull();
        assertThat(result.deteriorationRelative()).isNull();
        assertThat(result.deteriorationAbsolute()).isTrue();
        assertThat(result.responderAbsolute()).isFalse();
    }

    @Test
    void refusesScoresOfAnotherInstrument() {
        Score back = score("NRS_BACK_PAIN", answers("back_pain_nrs", 6));
        Score leg = score("NRS_LEG_PAIN", answers("leg_pain_nrs", 2));

        assertThatThrownBy(() -> calculator.calculate(instrument("NRS_BACK_PAIN"), back, leg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NRS_LEG_PAIN");
    }

    private ChangeResult vas(int baseline, int followUp) {
        return change(
                instrument("VAS_PAIN"),
                score("VAS_PAIN", answers("pain_vas_0_100", baseline)),
                score("VAS_PAIN", answers("pain_vas_0_100", followUp)));
    }

    private ChangeResult nrs(int baseline, int followUp) {
        return change(
                instrument("NRS_BACK_PAIN"),
                score("NRS_BACK_PAIN", answers("back_pain_nrs", baseline)),
                score("NRS_BACK_PAIN", answers("back_pain_nrs", followUp)));
    }

    private ChangeResult change(InstrumentDefinition instrument, Score baseline, Score followUp) {
        ChangeOutcome outcome = calculator.calculate(instrument, baseline, followUp);
        assertThat(outcome).isInstanceOf(ChangeResult.class);
        return (ChangeResult) outcome;
    }

    private ChangeResult relative(InstrumentDefinition instrument, Rational baseline, Rational followUp) {
        ChangeOutcome outcome = calculator.calculate(instrument, baseline, followUp);
        assertThat(outcome).isInstanceOf(ChangeResult.class);
        return (ChangeResult) outcome;
    }

    /** Nine sections summing to {@code rawSum} (odi_08_sex_life not applicable), so the percent is on 45. */
    private static Score odiScore(int rawSum) {
        Map<String, Object> answers = spread(
                rawSum,
                instrument("ODI").itemCodes().stream()
                        .filter(code -> !code.equals("odi_08_sex_life"))
                        .toList());
        answers.put("odi_08_sex_life", null);
        return score("ODI", answers);
    }

    private static Score odiScoreAllSections(int rawSum) {
        return score("ODI", spread(rawSum, instrument("ODI").itemCodes()));
    }

    private static Map<String, Object> spread(int sum, List<String> codes) {
        Map<String, Object> answers = new LinkedHashMap<>();
        int remaining = sum;
        for (String code : codes) {
            int value = Math.min(5, remaining);
            answers.put(code, value);
            remaining -= value;
        }
        return answers;
    }

    private static InstrumentDefinition withDirection(InstrumentDefinition base, ScoreDirection direction) {
        return new InstrumentDefinition(
                "TEST_PHYSICAL_FUNCTION",
                base.version(),
                "Test higher-is-better measure",
                base.items(),
                base.recallPeriods(),
                direction,
                base.licenceNotice(),
                List.of(),
                base.scoringRule(),
                base.changeRules());
    }
}
