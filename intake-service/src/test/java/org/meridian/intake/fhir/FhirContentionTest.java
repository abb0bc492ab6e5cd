package org.meridian.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.TableCounts;
import org.meridian.platform.test.http.ConcurrentCalls;
import org.meridian.platform.test.security.TestTokens;

/**
 * Many EHR retries of one conditional create at once, with the service's real pool settings: exactly one patient,
 * and every caller gets it (201 for the winner, 200 for the others), never a 500 from an exhausted pool.
 */
@QuarkusTest
class FhirContentionTest {

    private static final int CALLERS = 64;

    @TestHTTPResource("/fhir/r4/Patient")
    URI patients;

    @Inject
    TableCounts tables;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sixtyFourConcurrentConditionalCreatesOfOneMrnAllGetTheOnePatient() throws Exception {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        // A running service: the first FHIR call of a JVM builds HAPI's model (seconds on a busy machine).
        FhirResourceTest.post(
                        staff, FhirResourceTest.patientJson("Warm", "1960-01-01", "MRN-" + UUID.randomUUID()), null)
                .statusCode(201);
        String mrn = "MRN-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(patients)
                .header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .header("If-None-Exist", "identifier=" + FhirResourceTest.MRN_SYSTEM + "%7C" + mrn)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(FhirResourceTest.patientJson("Crowd", "1961-01-01", mrn)))
                .build();
        List<HttpResponse<String>> responses = ConcurrentCalls.send(request, CALLERS);

        Map<Integer, Integer> statuses = new TreeMap<>();
        responses.forEach(response -> statuses.merge(response.statusCode(), 1, Integer::sum));
        assertThat(statuses)
                .as("statuses of %d concurrent conditional creates", CALLERS)
                .containsOnlyKeys(200, 201)
                .containsEntry(201, 1);
        assertThat(responses.stream().map(ConcurrentCalls::id).distinct()).hasSize(1);
        assertThat(tables.rows("patient", clinic))
                .as("the warm-up patient and the crowd's one")
                .isEqualTo(2);
        assertThat(tables.patientEvents(clinic)).isEqualTo(2);
    }

    @Test
    void aConditionalCreateWaitingTooLongForAConcurrentOneAnswers503WithRetryAfter() throws Exception {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        String mrn = "MRN-" + UUID.randomUUID();
        String criterion = "identifier=" + FhirResourceTest.MRN_SYSTEM + "|" + mrn;
        String body = FhirResourceTest.patientJson("Slow", "1961-01-01", mrn);
        // Another registration of the same identifier that does not finish: its transaction holds the claim.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement claim =
                    other.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                claim.setString(1, clinic + "|" + FhirResourceTest.MRN_SYSTEM + "|" + mrn);
                claim.executeQuery().close();

                FhirResourceTest.outcome(
                        FhirResourceTest.post(staff, body, criterion).header("Retry-After", "5"), 503, "transient");
                assertThat(tables.rows("patient", clinic)).isZero();
            } finally {
                other.rollback();
            }
        }
        FhirResourceTest.post(staff, body, criterion).statusCode(201);
    }
}
