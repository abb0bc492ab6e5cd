package org.meridian.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.hoursAgo;
import static org.meridian.intake.Fixtures.patientPath;
import static org.meridian.intake.Fixtures.sessionBody;
import static org.meridian.intake.Fixtures.sessionsPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.intake.TableCounts;

@QuarkusTest
class SessionResourceTest {

    @Inject
    TableCounts counts;

    private static void rejected(CareSetup care, String body, String field) {
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void recordsASessionWithItsStrictaDetailsAndActivatesThePlannedEpisode() {
        CareSetup care = Fixtures.careSetup();
        String location = asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(3)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("sessionNumber", equalTo(1))
                .body("status", equalTo("RECORDED"))
                .extract()
                .header("Location");
        asStaffOf(care.clinicId())
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("style", equalTo("TRADITIONAL_CHINESE"))
                .body("points.code", equalTo(List.of("BL23", "GV4", "GB30", "EX-B2")))
                .body("points[1].side", equalTo("MIDLINE"))
                .body("points[2].depthMm", equalTo(60))
                .body("needleCount", equalTo(8))
                .body("deQiElicited", equalTo(true))
                .body("stimulation", equalTo("MANUAL"))
                .body("retentionMinutes", equalTo(20))
                .body("needleType.diameterMm", equalTo(0.25f))
                .body("needleType.lengthMm", equalTo(40))
                .body("needleType.material", equalTo("STAINLESS_STEEL"))
                .body("coInterventions[0].type", equalTo("CUPPING"))
                .body("practitionerId", equalTo(care.practitionerId()));
        asStaffOf(care.clinicId())
                .when()
                .get(patientPath(care.clinicId(), care.patientId()) + "/episodes/" + care.episodeId())
                .then()
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void numbersSessionsOneTwoThreeAndListsThemInOrder() {
        CareSetup care = Fixtures.careSetup();
        for (int i = 0; i < 3; i++) {
            Fixtures.session(care);
        }
        asStaffOf(care.clinicId())
                .queryParam("size", 2)
                .when()
                .get(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(200)
                .body("items.sessionNumber", equalTo(List.of(1, 2)))
                .body("totalItems", equalTo(3));
        asStaffOf(care.clinicId())
                .queryParam("size", 2)
                .queryParam("page", 1)
                .when()
                .get(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .body("items.sessionNumber", equalTo(List.of(3)));
    }

    @Test
    void concurrentRecordingsTakeDistinctConsecutiveNumbers() throws Exception {
        CareSetup care = Fixtures.careSetup();
        Fixtures.session(care);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                numbers.add(pool.submit(() -> asStaffOf(care.clinicId())
                        .contentType(ContentType.JSON)
                        .body(sessionBody(care.practitionerId(), hoursAgo(1)))
                        .when()
                        .post(sessionsPath(care.clinicId(), care.episodeId()))
                        .then()
                        .statusCode(201)
                        .extract()
                        .<Integer>path("sessionNumber")));
            }
            List<Integer> assigned = new ArrayList<>();
            for (Future<Integer> number : numbers) {
                assigned.add(number.get());
            }
            assertThat(assigned).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsAnUnknownAcupointNamingTheItemAndStoresNothing() {
        CareSetup care = Fixtures.careSetup();
        String body = sessionBody(care.practitionerId(), hoursAgo(1)).replace("\"GB30\"", "\"BL99\"");
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("points[2].code"));
        assertThat(counts.rows("treatment_session", care.clinicId())).isZero();
        asStaffOf(care.clinicId())
                .when()
                .get(patientPath(care.clinicId(), care.patientId()) + "/episodes/" + care.episodeId())
                .then()
                .body("status", equalTo("PLANNED"));
    }

    @Test
    void acceptsAcupointCodesInAnyCaseAndStoresThemCanonically() {
        CareSetup care = Fixtures.careSetup();
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(1)).replace("\"GB30\"", "\"gb30\""))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(201)
                .body("points[2].code", equalTo("GB30"));
    }

    @Test
    void refusesALateralSideForAMidlinePointAndMidlineForAPairedPoint() {
        CareSetup care = Fixtures.careSetup();
        rejected(
                care,
                sessionBody(care.practitionerId(), hoursAgo(1))
                        .replace("\"code\": \"GV4\", \"side\": \"MIDLINE\"", "\"code\": \"GV4\", \"side\": \"LEFT\""),
                "points[1].side");
        rejected(
                care,
                sessionBody(care.practitionerId(), hoursAgo(1))
                        .replace("\"code\": \"GB30\", \"side\": \"LEFT\"", "\"code\": \"GB30\", \"side\": \"MIDLINE\""),
                "points[2].side");
    }

    @Test
    void enforcesTheStrictaRanges() {
        CareSetup care = Fixtures.careSetup();
        String valid = sessionBody(care.practitionerId(), hoursAgo(1));
        rejected(care, valid.replace("\"needleCount\": 8", "\"needleCount\": 0"), "needleCount");
        rejected(care, valid.replace("\"needleCount\": 8", "\"needleCount\": 5"), "needleCount");
        rejected(care, valid.replace("\"retentionMinutes\": 20", "\"retentionMinutes\": 121"), "retentionMinutes");
        rejected(care, valid.replace("\"retentionMinutes\": 20", "\"retentionMinutes\": 0"), "retentionMinutes");
        rejected(care, valid.replace("\"depthMm\": 25", "\"depthMm\": 0"), "points[0].depthMm");
        rejected(
                care,
                valid.replace("\"stimulation\": \"MANUAL\"", "\"stimulation\": \"ELECTRO\""),
                "electroFrequencyHz");
        rejected(care, valid.replace("\"stimulation\": \"MANUAL\"", "\"stimulation\": \"LASER\""), "stimulation");
        rejected(care, valid.replace("\"diameterMm\": 0.25", "\"diameterMm\": 0.9"), "needleType.diameterMm");
        rejected(
                care,
                valid.replace("\"type\": \"CUPPING\", \"details\": \"Fire cupping, 5 minutes\"", "\"type\": \"OTHER\""),
                "coInterventions[0].details");
        rejected(care, sessionBody(care.practitionerId(), hoursAgo(-48)), "startedAt");
        rejected(care, "{\"style\": \"TRADITIONAL_CHINESE\"}", "points");
        assertThat(counts.rows("treatment_session", care.clinicId())).isZero();
    }

    @Test
    void acceptsElectroacupunctureWithItsFrequency() {
        CareSetup care = Fixtures.careSetup();
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(1))
                        .replace(
                                "\"stimulation\": \"MANUAL\"",
                                "\"stimulation\": \"ELECTRO\", \"electroFrequencyHz\": 2"))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(201)
                .body("stimulation", equalTo("ELECTRO"))
                .body("electroFrequencyHz", equalTo(2));
    }

    @Test
    void refusesAPractitionerOfAnotherClinicWith422() {
        CareSetup care = Fixtures.careSetup();
        String foreign = Fixtures.practitioner(Fixtures.clinic());
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(foreign, hoursAgo(1)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("practitionerId"));
        assertThat(counts.rows("treatment_session", care.clinicId())).isZero();
    }

    @Test
    void refusesASessionBeforeTheEpisodeStarted() {
        CareSetup care = Fixtures.careSetup();
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(24 * 60)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("startedAt"));
    }

    @Test
    void refusesASessionWhileANewRedFlagAwaitsAcknowledgement() {
        CareSetup care = Fixtures.careSetup();
        Fixtures.session(care);
        Fixtures.assessment(care.clinicId(), care.patientId(), care.practitionerId(), true);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(1)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:refer-before-needling"));
    }

    @Test
    void cancelsASessionOnceKeepingItsNumber() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        String path = sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/cancellation";
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"reason\": \"RECORDED_IN_ERROR\", \"note\": \"Wrong patient\"}")
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("RECORDED_IN_ERROR"))
                .body("sessionNumber", equalTo(1));
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"RECORDED_IN_ERROR\"}")
                .when()
                .post(path)
                .then()
                .statusCode(409);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(1)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(201)
                .body("sessionNumber", equalTo(2));
    }

    @Test
    void refusesACancellationWithAStaleETag() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body("{\"reason\": \"PATIENT_CANCELLED\"}")
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/cancellation")
                .then()
                .statusCode(412);
    }

    @Test
    void refusesSessionsInAClosedEpisode() {
        CareSetup care = Fixtures.careSetup();
        Fixtures.session(care);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"COMPLETED\"}")
                .when()
                .post(patientPath(care.clinicId(), care.patientId()) + "/episodes/" + care.episodeId() + "/transitions")
                .then()
                .statusCode(200);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(1)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:invalid-state"));
    }

    @Test
    void recordsAndListsAdverseEventsOfASession() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        String path = sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/adverse-events";
        String location = asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(
                        "{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false, \"description\": \"Bruise at BL40\"}")
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .body("sessionId", equalTo(sessionId))
                .extract()
                .header("Location");
        asStaffOf(care.clinicId()).when().get(location).then().statusCode(200).body("severity", equalTo("MILD"));
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"type\": \"OTHER\", \"severity\": \"EXTREME\"}")
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("severity"));
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"type\": \"OTHER\", \"severity\": \"SEVERE\", \"serious\": true}")
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("description"));
        asStaffOf(care.clinicId()).when().get(path).then().statusCode(200).body("items", hasSize(1));
        String otherClinic = Fixtures.clinic();
        asStaffOf(otherClinic)
                .when()
                .get(sessionsPath(otherClinic, care.episodeId()) + "/" + sessionId + "/adverse-events")
                .then()
                .statusCode(404);
    }

    @Test
    void hidesAnotherClinicsSessionBehind404() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        String otherClinic = Fixtures.clinic();
        asStaffOf(otherClinic)
                .when()
                .get(sessionsPath(otherClinic, care.episodeId()) + "/" + sessionId)
                .then()
                .statusCode(404);
        asStaffOf(otherClinic)
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(1)))
                .when()
                .post(sessionsPath(otherClinic, care.episodeId()))
                .then()
                .statusCode(404);
        asStaffOf(care.clinicId())
                .when()
                .get(sessionsPath(care.clinicId(), UUID.randomUUID().toString()) + "/" + sessionId)
                .then()
                .statusCode(404);
    }
}
