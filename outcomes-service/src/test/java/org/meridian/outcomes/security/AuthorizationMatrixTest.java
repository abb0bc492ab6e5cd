package org.meridian.outcomes.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.Submissions;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.outcomes.security.AuthorizationMatrix.Access;
import org.meridian.outcomes.security.AuthorizationMatrix.Row;
import org.meridian.outcomes.service.IntakeFeedConsumer;

/**
 * Every operation of the OpenAPI document x every role x own/other clinic (and own/other patient), asserted against
 * the table in src/test/resources/authorization-matrix.txt.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class AuthorizationMatrixTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.load("/authorization-matrix.txt");
    private static final List<String> ROLES = List.of(Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN,
            Roles.RESEARCHER, Roles.ADMIN, Roles.RESEARCH_EXPORT);

    /** One clinic's patient with an episode, a session and a scored assessment. */
    private record Tenant(UUID clinicId, Map<String, String> ids) {
    }

    private static Tenant own;
    private static Tenant other;
    private static String ownSecondPseudonymId;

    @Inject
    IntakeFeedConsumer consumer;

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() {
        assertThat(new TreeSet<>(MATRIX.operations())).isEqualTo(new TreeSet<>(documentedOperations()));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatTheTableSays() {
        ensureTenants();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : MATRIX.rows()) {
            tests.add(DynamicTest.dynamicTest(row.operation() + " without a token -> 401", () ->
                    assertThat(call(row, null, own)).isEqualTo(401)));
            for (String role : ROLES) {
                Access access = row.access(role);
                tests.add(DynamicTest.dynamicTest(row.operation() + " as " + role + " (" + access + ")",
                        () -> check(row, role, access)));
            }
        }
        return tests.stream();
    }

    private void check(Row row, String role, Access access) {
        String token = tokenFor(role);
        int onOwn = call(row, token, own);
        switch (access) {
            case DENIED -> assertThat(onOwn).as("refused").isIn(403, 404);
            case ANY -> {
                assertThat(onOwn).as("allowed").isNotIn(401, 403, 404);
                if (row.path().contains("{clinicId}")) {
                    assertThat(call(row, token, other)).as("allowed on another clinic").isNotIn(401, 403, 404);
                }
            }
            case OWN -> {
                assertThat(onOwn).as("allowed on own clinic").isNotIn(401, 403, 404);
                if (row.path().contains("{clinicId}")) {
                    assertThat(call(row, token, other)).as("another clinic's object").isEqualTo(404);
                }
                if (role.equals(Roles.PATIENT) && row.path().contains("{pseudonymId}")) {
                    Map<String, String> ids = new HashMap<>(own.ids());
                    ids.put("pseudonymId", ownSecondPseudonymId);
                    assertThat(call(row, token, new Tenant(own.clinicId(), ids))).as("another patient's data").isEqualTo(404);
                }
            }
        }
    }

    private static int call(Row row, String token, Tenant tenant) {
        String path = row.path().replace("{clinicId}", tenant.clinicId().toString());
        for (Map.Entry<String, String> id : tenant.ids().entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(path).as("a fixture for every path parameter of " + row.operation()).doesNotContain("{");
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.method().equals("POST") || row.method().equals("PUT")) {
            request = request.body("{}");
        }
        return request.when().request(row.method(), path).then().extract().statusCode();
    }

    private static String tokenFor(String role) {
        return switch (role) {
            case Roles.PATIENT -> TestTokens.pseudonymousPatient(own.clinicId(), UUID.fromString(own.ids().get("pseudonymId")));
            case Roles.PRACTITIONER -> TestTokens.practitioner(own.clinicId());
            case Roles.CLINIC_ADMIN -> TestTokens.clinicAdmin(own.clinicId());
            case Roles.RESEARCHER -> TestTokens.researcher();
            case Roles.RESEARCH_EXPORT -> TestTokens.researchExport();
            default -> TestTokens.admin();
        };
    }

    private static List<String> documentedOperations() {
        JsonPath spec = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(method -> List.of("get", "post", "put", "patch", "delete").contains(method))
                .filter(method -> !path.startsWith("/fhir/"))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private synchronized void ensureTenants() {
        if (own == null) {
            own = tenant();
            other = tenant();
            ownSecondPseudonymId = UUID.randomUUID().toString();
            IntakeScript.events().patientRegistered(own.clinicId(), UUID.fromString(ownSecondPseudonymId)).publish();
            consumer.poll();
        }
    }

    private Tenant tenant() {
        UUID clinic = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        IntakeScript.events().patientRegistered(clinic, patient).episodeStarted(clinic, patient, episode, start)
                .sessionRecorded(clinic, patient, episode, session, 1, Instant.now().minusSeconds(86_400))
                .publish();
        consumer.poll();
        String assessmentId = Submissions.post(TestTokens.practitioner(clinic), clinic, patient,
                        Submissions.body("NRS_BACK_PAIN", "BASELINE", OffsetDateTime.now(ZoneOffset.UTC).minusDays(21),
                                Submissions.nrs(7)))
                .statusCode(201).extract().path("id");
        return new Tenant(clinic, Map.of("pseudonymId", patient.toString(), "episodeId", episode.toString(),
                "assessmentId", assessmentId, "code", "ODI", "version", "2.1a"));
    }
}
