package org.meridian.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class FhirErrorsTest {

    @Test
    void anExhaustedConnectionPoolIsARetryable503OperationOutcome() {
        Response response = FhirErrors.toResponse(new PersistenceException(
                "could not prepare statement", new SQLException("Sorry, acquisition timeout!")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(FhirJson.MEDIA_TYPE);
        OperationOutcome outcome =
                FhirJson.context().newJsonParser().parseResource(OperationOutcome.class, (String) response.getEntity());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.EXCEPTION);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Retry");
    }

    @Test
    void anUnreachableDatabaseIsARetryable503OperationOutcome() {
        Response response = FhirErrors.toResponse(new PersistenceException(
                "could not open connection", new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
    }
}
