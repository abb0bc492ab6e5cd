package org.meridian.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
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

    /** Found in review: the /api mapper counted a stale row as a race (409), the FHIR one answered 500. */
    @Test
    void aRowGoneStaleUnderAConcurrentWriteIsA409OnFhirAsOnTheApi() {
        Response response =
                FhirErrors.toResponse(new StaleStateException("Batch update returned unexpected row count"));

        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void aUniqueViolationIsA409() {
        Response response = FhirErrors.toResponse(
                new PersistenceException("could not execute statement", new SQLException("duplicate key", "23505")));

        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void hapisOwnInternalFailureIsLoggedAndAnsweredWithTheRequestIdNotItsText() {
        Response response = FhirErrors.toResponse(new InternalErrorException("HAPI-1234: parser state corrupted"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat((String) response.getEntity()).doesNotContain("parser state").contains("request id");
    }
}
