package org.meridian.outcomes.scoring.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgicCategoryTest {

    @ParameterizedTest(name = "code {0} -> {1}, improved {2}")
    @CsvSource({
        "1, VERY_MUCH_IMPROVED, true",
        "2, MUCH_IMPROVED, true",
        "3, MINIMALLY_IMPROVED, false",
        "4, NO_CHANGE, false",
        "5, MINIMALLY_WORSE, false",
        "6, MUCH_WORSE, false",
        "7, VERY_MUCH_WORSE, false"
    })
    void codesMapToCategoriesAndOnlyOneAndTwoAreClinicallyImportantImprovement(
            int code, PgicCategory category, boolean improved) {
        assertThat(PgicCategory.forCode(code)).isEqualTo(category);
        assertThat(category.isClinicallyImportantImprovement()).isEqualTo(improved);
    }
}
