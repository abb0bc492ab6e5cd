package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.allAnswered;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.scored;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.CatalogueSettings;
import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.OdiBand;
import org.meridian.outcomes.scoring.result.OdiDetails;

class OdiScoringTest {

    private final InstrumentDefinition odi = instrument("ODI");

    @Test
    void scoresAllTenSectionsAsPercentOfFifty() {
        Map<String, Object> answers = sections(3, 2, 4, 1, 2, 3, 1, 0, 2, 2);

        Score score = scored(ENGINE.score(odi, answers));

        assertThat(score.value()).isEqualByComparingTo("40");
        assertThat(score.details()).isEqualTo(new OdiDetails(20, 10, 50, new BigDecimal("40"), OdiBand.MODERATE));
        assertThat(score.itemsUsed()).hasSize(10);
        assertThat(score.itemsMissing()).isEmpty();
    }

    @Test
    void scoresNineAnsweredSectionsOnFortyFive() {
        Map<String, Object> answers = sections(2, 2, 2, 2, 2, 2, 2, null, 1, 1);

        Score score = scored(ENGINE.score(odi, answers));

        assertThat(score.exactValue()).isEqualTo(Rational.of(1600, 45));
        assertThat(score.roundedValue()).isEqualByComparingTo("35.5556");
        assertThat(score.details())
                .extracting("total", "sectionsAnswered", "maximumPossible", "category")
                .containsExactly(16, 9, 45, OdiBand.MODERATE);
        assertThat(score.itemsMissing()).containsExactly("odi_08_sex_life");
        assertThat(score.itemsUsed()).hasSize(9).doesNotContain("odi_08_sex_life");
    }

    @Test
    void rejectsEightAnsweredSectionsNamingBothMissing() {
        Map<String, Object> answers = sections(2, 2, 2, 2, 2, 2, 2, null, 1, null);

        Rejection rejection = rejected(ENGINE.score(odi, answers));

        assertThat(rejection.problems())
                .extracting(ItemProblem::itemCode, ItemProblem::type)
                .containsExactly(
                        tuple("odi_08_sex_life", ItemProblem.Type.MISSING),
                        tuple("odi_10_travelling", ItemProblem.Type.MISSING));
        assertThat(rejection.problems().getFirst().message()).contains("at least 9 of 10");
    }

    @Test
    void scoresExactlyTwentyPercentAsMinimal() {
        Score score = scored(ENGINE.score(odi, sections(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));

        assertThat(score.value()).isEqualByComparingTo("20");
        assertThat(((OdiDetails) score.details()).category()).isEqualTo(OdiBand.MINIMAL);
    }

    @Test
    void scoresJustAboveTwentyPercentAsModerate() {
        Score score = scored(ENGINE.score(odi, sections(1, 1, 1, 1, 1, 1, 1, 1, 2, null)));

        assertThat(score.exactValue()).isEqualTo(Rational.of(200, 9));
        assertThat(((OdiDetails) score.details()).category()).isEqualTo(OdiBand.MODERATE);
    }

    @Test
    void scoresExactlyEightyPercentAsCrippledAndAboveAsBedBound() {
        Score eighty = scored(ENGINE.score(odi, sections(4, 4, 4, 4, 4, 4, 4, 4, 4, 4)));
        Score eightyTwo = scored(ENGINE.score(odi, sections(4, 4, 4, 4, 4, 4, 4, 4, 4, 5)));

        assertThat(eighty.value()).isEqualByComparingTo("80");
        assertThat(((OdiDetails) eighty.details()).category()).isEqualTo(OdiBand.CRIPPLED);
        assertThat(((OdiDetails) eightyTwo.details()).category()).isEqualTo(OdiBand.BED_BOUND_OR_EXAGGERATING);
    }

    @Test
    void scoresTheEndsOfTheScale() {
        assertThat(scored(ENGINE.score(odi, allAnswered(odi, 0))).value()).isEqualByComparingTo("0");
        assertThat(scored(ENGINE.score(odi, allAnswered(odi, 5))).value()).isEqualByComparingTo("100");
    }

    @Test
    void keepsTheUnroundedPercentWhenItDoesNotTerminate() {
        Score score = scored(ENGINE.score(odi, sections(3, 3, 3, 3, 3, 3, 3, 3, 3, null)));

        assertThat(score.exactValue()).isEqualTo(Rational.of(60));
        Score repeating = scored(ENGINE.score(odi, sections(4, 4, 4, 4, 4, 4, 4, 4, 2, null)));
        assertThat(repeating.exactValue()).isEqualTo(Rational.of(3400, 45));
        assertThat(repeating.value()).hasToString("75.55555555555555555556");
    }

    @Test
    void aDeploymentRequiringAllSectionsRejectsOneMissing() {
        InstrumentDefinition strictOdi = InstrumentCatalogue.withSettings(
                        new CatalogueSettings(0, BigDecimal.valueOf(3), BigDecimal.valueOf(3)))
                .find("ODI", "2.1a")
                .orElseThrow();

        Rejection rejection = rejected(ENGINE.score(strictOdi, sections(2, 2, 2, 2, 2, 2, 2, null, 2, 2)));

        assertThat(rejection.policyId()).isEqualTo("odi-percent-of-answered-max-missing-0");
        assertThat(rejection.problems()).extracting(ItemProblem::itemCode).containsExactly("odi_08_sex_life");
    }

    private Map<String, Object> sections(Integer... values) {
        List<String> codes = odi.itemCodes();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int index = 0; index < codes.size(); index++) {
            answers.put(codes.get(index), values[index]);
        }
        return answers;
    }
}
