package org.meridian.platform.test.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document has an operationId that follows {@link OperationIds}' rule, and
 * the ids are the ones the service's SDK users rely on: renaming one breaks their code, so it is a change of this
 * test's expected list too, made on purpose.
 */
public abstract class AbstractOperationIdsTest {

    /** "METHOD path" -> operationId of every operation the service documents. */
    protected abstract Map<String, String> expectedOperationIds();

    @Test
    void everyOperationHasAUniqueVerbPhraseAsOperationId() {
        Map<String, String> ids = OperationIds.of(ServedOpenApi.document().getMap("paths"));
        assertThat(ids).isNotEmpty();
        assertThat(OperationIds.problems(ids)).isEmpty();
    }

    @Test
    void theOperationIdsAreTheDocumentedOnes() {
        Map<String, String> ids = OperationIds.of(ServedOpenApi.document().getMap("paths"));
        assertThat(ids).containsExactlyInAnyOrderEntriesOf(expectedOperationIds());
    }

    @Test
    void theExpectedListFollowsTheRuleToo() {
        assertThat(OperationIds.problems(expectedOperationIds())).isEmpty();
    }
}
