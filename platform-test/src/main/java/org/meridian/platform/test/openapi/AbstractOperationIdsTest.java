package org.meridian.platform.test.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document has an operationId that follows {@link OperationIds}' rule, and the
 * ids are the service's entry in {@link PublishedOperationIds}, none of which another service uses.
 */
public abstract class AbstractOperationIdsTest {

    private final Map<String, String> published;

    /** @param published the service's entry in {@link PublishedOperationIds} */
    protected AbstractOperationIdsTest(Map<String, String> published) {
        this.published = published;
    }

    private static Map<String, String> served() {
        return OperationIds.of(ServedOpenApi.document().getMap("paths"));
    }

    @Test
    void everyOperationHasAUniqueVerbPhraseAsOperationId() {
        Map<String, String> ids = served();
        assertThat(ids).isNotEmpty();
        assertThat(OperationIds.problems(ids)).isEmpty();
    }

    @Test
    void theOperationIdsAreThePublishedOnes() {
        assertThat(served()).containsExactlyInAnyOrderEntriesOf(published);
    }

    @Test
    void noOtherServicePublishesTheSameOperationId() {
        assertThat(OperationIds.problems(PublishedOperationIds.all())).isEmpty();
    }
}
