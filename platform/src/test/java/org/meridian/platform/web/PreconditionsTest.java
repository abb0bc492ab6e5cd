package org.meridian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.meridian.platform.web.problem.PreconditionFailedException;
import org.meridian.platform.web.problem.PreconditionRequiredException;

class PreconditionsTest {

    @Test
    void readsStrongAndWeakETags() {
        assertThat(Preconditions.requiredVersion("\"3\"")).isEqualTo(3);
        assertThat(Preconditions.requiredVersion("W/\"3\"")).isEqualTo(3);
    }

    @Test
    void aMissingOrWildcardIfMatchIsRequiredWith428WhereAVersionIsNeeded() {
        assertThatThrownBy(() -> Preconditions.requiredVersion(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> Preconditions.requiredVersion("*")).isInstanceOf(PreconditionRequiredException.class);
        assertThat(Preconditions.optionalVersion("*")).isNull();
    }

    /** Found in review: an unreadable tag became version -1, and the 412 then said "at version 3, not -1". */
    @Test
    void anUnreadableTagIsA412ThatQuotesIt() {
        assertThatThrownBy(() -> Preconditions.requiredVersion("\"abc\""))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("\"abc\"")
                .hasMessageNotContaining("-1");
    }
}
