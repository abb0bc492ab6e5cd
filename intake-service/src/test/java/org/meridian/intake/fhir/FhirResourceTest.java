package org.meridian.intake.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.meridian.intake.Fixtures.asStaffOf;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.intake.TableCounts;
import org.meridian.platform.test.fhir.FhirInstanceValidation;
import org.meridian.platform.test.fhir.FhirInstanceValidation.Report;
import org.meridian.platform.test.http.RawHttp;
import org.meridian.platform.test.security.TestTokens;

/**
 * Intake's FHIR endpoints as an EHR calls them: Patient create/read/search (conditional create, also racing),
 * Procedure, Condition and AdverseEvent read/search, tenancy from the token, roles, OperationOutcome errors and the
 * audit trail. Every body served is validated against the R4 base specification.
 */
@QuarkusTest
class FhirResourceTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String BASE = "/fhir/r4/";
    static final String MRN_SYSTEM = "https://ehr.example/mrn";
    private static final List<Report> REPORTS = new ArrayList<>();

    @Inject
    TableCounts tables;

    @TestHTTPResource("/fhir/r4")
    java.net.URL fhirBase;

    @AfterAll
    static void summarise() {
        System.out.printf(
                "FHIR validation (intake, served bodies): %d resources, %d errors, %d warnings%n",
                REPORTS.size(),
                REPORTS.stream().mapToInt(report -> report.errors().size()).sum(),
                REPORTS.stream().mapToInt(report -> report.warnings().size()).sum());
    }

    static String patientJson(String family, String birthDate, String mrn) {
        return """
                {"resourceType": "Patient",
                 "identifier": [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                                 "system": "%s", "value": "%s"}],
                 "name": [{"use": "official", "family": "%s", "given": ["Alice", "May"]}],
                 "telecom": [{"system": "email", "value": "alice@mail.example"}, {"system": "phone", "value": "+44 7700 900123"}],
                 "gender": "female", "birthDate": "%s"}
                """.formatted(MRN_SYSTEM, mrn, family, birthDate);
    }

    static ValidatableResponse post(String token, String body, String ifNoneExist) {
        var request = given().auth()
                .oauth2(token)
                .contentType(FHIR_JSON)
                .accept(FHIR_JSON)
                .body(body);
        if (ifNoneExist != null) {
            request.header("If-None-Exist", ifNoneExist);
        }
        return request.when().post(BASE + "Patient").then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth()
                .oauth2(token)
                .accept(FHIR_JSON)
                .urlEncodingEnabled(true)
                .when()
                .get(BASE + path)
                .then();
    }

    static ValidatableResponse search(String token, String type, Object... parameters) {
        var request = given().auth().oauth2(token).accept(FHIR_JSON);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.when().get(BASE + type).then();
    }

    /** Asserts the served body is valid FHIR R4 and returns the response for further checks. */
    static ExtractableResponse<Response> valid(ValidatableResponse response) {
        ExtractableResponse<Response> extracted =
                response.contentType(containsString(FHIR_JSON)).extract();
        Report report = FhirValidation.validator().validate(extracted.asString());
        REPORTS.add(report);
        assertThat(report.errors()).as(report::describeErrors).isEmpty();
        return extracted;
    }

    static void outcome(ValidatableResponse response, int status, String code) {
        valid(response.statusCode(status)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo(code)));
    }

    @Test
    void createsReadsAndSearchesPatients() {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        String mrn = "MRN-" + UUID.randomUUID();
        ExtractableResponse<Response> created = valid(post(staff, patientJson("Okafor", "1980-02-29", mrn), null)
                .statusCode(201)
                .header("Location", containsString("/fhir/r4/Patient/"))
                .body("identifier.value", hasItem(mrn))
                .body(
                        "identifier.find { it.system == 'https://meridian.example/fhir/sid/pseudonym-id' }.value",
                        notNullValue())
                .body("meta.versionId", equalTo("0")));
        String id = created.path("id");
        // R4 http.html#create: Location SHALL be [base]/[type]/[id]/_history/[vid].
        assertThat(created.header("Location")).endsWith("/fhir/r4/Patient/" + id + "/_history/0");

        valid(get(staff, "Patient/" + id)
                .statusCode(200)
                .header("ETag", "W/\"0\"")
                .body("name[0].family", equalTo("Okafor"))
                .body("name[0].given", hasItem("May"))
                .body("birthDate", equalTo("1980-02-29"))
                .body("gender", equalTo("female")));
        // The native API sees the same patient (one service, one validation and event path).
        given().auth()
                .oauth2(staff)
                .when()
                .get(Fixtures.patientPath(clinic, id))
                .then()
                .statusCode(200)
                .body("identifiers[0].type", equalTo("MRN"))
                .body("givenName", equalTo("Alice May"));

        valid(search(staff, "Patient", "identifier", MRN_SYSTEM + "|" + mrn)
                .statusCode(200)
                .body("type", equalTo("searchset"))
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(id))
                .body("entry[0].fullUrl", endsWith("/fhir/r4/Patient/" + id)));
        search(staff, "Patient", "identifier", mrn).statusCode(200).body("total", equalTo(1));
        String pseudonym =
                created.path("identifier.find { it.system == 'https://meridian.example/fhir/sid/pseudonym-id' }.value");
        search(staff, "Patient", "identifier", "https://meridian.example/fhir/sid/pseudonym-id|" + pseudonym)
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(id));
        search(staff, "Patient", "identifier", pseudonym).body("total", equalTo(1));
        search(staff, "Patient", "identifier", "https://meridian.example/fhir/sid/pseudonym-id|" + mrn)
                .body("total", equalTo(0));
        search(staff, "Patient", "identifier", "https://other.example/mrn|" + mrn)
                .body("total", equalTo(0));
        search(staff, "Patient", "name", "oka").statusCode(200).body("total", equalTo(1));
        search(staff, "Patient", "name", "zzz").statusCode(200).body("total", equalTo(0));
        search(staff, "Patient", "birthdate", "1980-02-29").body("total", equalTo(1));
        search(staff, "Patient", "birthdate", "1980").body("total", equalTo(1));
        search(staff, "Patient", "birthdate", "gt1980-02-29").body("total", equalTo(0));
        given().auth()
                .oauth2(staff)
                .accept(FHIR_JSON)
                .queryParam("birthdate", "ge1980-01-01")
                .queryParam("birthdate", "lt1980-03-01")
                .when()
                .get(BASE + "Patient")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void pagesSearchResultsWithNextLinks() {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        for (String family : List.of("Abbott", "Baker", "Carter")) {
            post(staff, patientJson(family, "1990-01-01", "MRN-" + UUID.randomUUID()), null)
                    .statusCode(201);
        }
        ExtractableResponse<Response> first = valid(search(staff, "Patient", "_count", 2)
                .statusCode(200)
                .body("total", equalTo(3))
                .body("entry", hasSize(2))
                .body("entry.resource.collect { it.name[0].family }", equalTo(List.of("Abbott", "Baker")))
                .body("link.find { it.relation == 'next' }.url", containsString("_page=1")));
        String next = first.path("link.find { it.relation == 'next' }.url");
        given().auth()
                .oauth2(staff)
                .accept(FHIR_JSON)
                .urlEncodingEnabled(false)
                .when()
                .get(next)
                .then()
                .statusCode(200)
                .body("entry", hasSize(1))
                .body("entry[0].resource.name[0].family", equalTo("Carter"))
                .body("link.find { it.relation == 'next' }", nullValue());
        outcome(search(staff, "Patient", "_count", 500), 400, "invalid");
        outcome(search(staff, "Patient", "family", "Baker"), 400, "not-supported");
    }

    @Test
    void conditionalCreateReturnsTheExistingPatientAndAPlainDuplicateIsAConflict() {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        String mrn = "MRN-" + UUID.randomUUID();
        String criterion = "identifier=" + MRN_SYSTEM + "|" + mrn;
        long events = tables.patientEvents(clinic);
        String id = post(staff, patientJson("Diaz", "1975-05-05", mrn), criterion)
                .statusCode(201)
                .extract()
                .path("id");
        // Registered like the native API does it: one PatientRegistered event in the outbox.
        assertThat(tables.patientEvents(clinic)).isEqualTo(events + 1);
        valid(post(staff, patientJson("Diaz", "1975-05-05", mrn), criterion)
                .statusCode(200)
                .body("id", equalTo(id)));
        outcome(post(staff, patientJson("Diaz", "1975-05-05", mrn), null), 409, "conflict");
        assertThat(tables.patientEvents(clinic)).isEqualTo(events + 1);
        assertThat(tables.rows("patient", clinic)).isEqualTo(1);
        outcome(
                post(staff, patientJson("Diaz", "1975-05-05", mrn), "identifier=" + MRN_SYSTEM + "|other"),
                400,
                "invalid");
        outcome(post(staff, patientJson("Diaz", "1975-05-05", mrn), "name=Diaz"), 400, "not-supported");
        // Another clinic may hold the same MRN for its own patient.
        post(TestTokens.staff(UUID.fromString(Fixtures.clinic())), patientJson("Diaz", "1975-05-05", mrn), criterion)
                .statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(id)));
    }

    /** R4 http.html#ccreate: the criteria are a query string, which clients also send as a relative or full URL. */
    @Test
    void ifNoneExistIsAcceptedAsAQueryStringOrAsARelativeOrFullUrlOfPatient() {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        String mrn = "MRN-" + UUID.randomUUID();
        String body = patientJson("Form", "1975-05-05", mrn);
        String id = post(staff, body, "http://ehr.example/fhir/r4/Patient?identifier=" + MRN_SYSTEM + "%7C" + mrn)
                .statusCode(201)
                .extract()
                .path("id");
        for (String criteria : List.of(
                "identifier=" + MRN_SYSTEM + "|" + mrn,
                "identifier="
                        + java.net.URLEncoder.encode(MRN_SYSTEM + "|" + mrn, java.nio.charset.StandardCharsets.UTF_8),
                "?identifier=" + MRN_SYSTEM + "%7C" + mrn,
                "Patient?identifier=" + MRN_SYSTEM + "%7C" + mrn,
                "/fhir/r4/Patient?identifier=" + MRN_SYSTEM + "%7C" + mrn,
                "https://meridian.example:8443/fhir/r4/Patient?identifier=" + MRN_SYSTEM + "%7C" + mrn)) {
            valid(post(staff, body, criteria).statusCode(200).body("id", equalTo(id)));
        }
        assertThat(tables.rows("patient", clinic)).isEqualTo(1);
        for (String otherType : List.of(
                "Observation?identifier=" + MRN_SYSTEM + "%7C" + mrn,
                "http://ehr.example/fhir/r4/Practitioner?identifier=" + MRN_SYSTEM + "%7C" + mrn)) {
            ValidatableResponse refused = post(staff, body, otherType);
            outcome(refused, 400, "invalid");
            refused.body("issue[0].diagnostics", containsString("Patient"));
        }
        outcome(post(staff, body, "Patient?name=Form"), 400, "not-supported");
        outcome(
                post(staff, body, "Patient?identifier=" + MRN_SYSTEM + "%7C" + mrn + "&name=Form"),
                400,
                "not-supported");
    }

    /** The EHR integration most clinics use: HAPI FHIR's own generic client. */
    @Test
    void hapisGenericClientCreatesConditionallyAndFindsTheLocation() {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        String mrn = "MRN-" + UUID.randomUUID();
        IGenericClient client = FhirInstanceValidation.CONTEXT.newRestfulGenericClient(fhirBase.toString());
        client.registerInterceptor(new BearerTokenAuthInterceptor(staff));
        org.hl7.fhir.r4.model.Patient patient = FhirInstanceValidation.CONTEXT
                .newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Patient.class, patientJson("Hapi", "1981-03-04", mrn));

        MethodOutcome first = client.create()
                .resource(patient)
                .conditionalByUrl("Patient?identifier=" + MRN_SYSTEM + "|" + mrn)
                .execute();
        assertThat(first.getCreated()).isTrue();
        assertThat(first.getId().getResourceType()).isEqualTo("Patient");
        assertThat(first.getId().getVersionIdPart()).isEqualTo("0");
        String id = first.getId().getIdPart();

        MethodOutcome again = client.create()
                .resource(patient)
                .conditionalByUrl("Patient?identifier=" + MRN_SYSTEM + "|" + mrn)
                .execute();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(((org.hl7.fhir.r4.model.Patient) again.getResource()).getIdPart())
                .isEqualTo(id);
        MethodOutcome fluent = client.create()
                .resource(patient)
                .conditional()
                .where(org.hl7.fhir.r4.model.Patient.IDENTIFIER.exactly().systemAndCode(MRN_SYSTEM, mrn))
                .execute();
        assertThat(((org.hl7.fhir.r4.model.Patient) fluent.getResource()).getIdPart())
                .isEqualTo(id);
        assertThat(client.read()
                        .resource(org.hl7.fhir.r4.model.Patient.class)
                        .withId(id)
                        .execute()
                        .getIdPart())
                .isEqualTo(id);
        assertThat(tables.rows("patient", clinic)).isEqualTo(1);
    }

    /** Behind the gateway the Location is the public one, from the forwarded headers the gateway sends. */
    @Test
    void theLocationOfACreateIsThePublicVersionedUrl() throws Exception {
        String staff = TestTokens.staff(UUID.fromString(Fixtures.clinic()));
        // Forwarding headers count from the gateway only: the test profile trusts 127.0.0.2 as the gateway.
        RawHttp.Response created = RawHttp.send(
                "127.0.0.2",
                fhirBase.getPort(),
                "POST",
                BASE + "Patient",
                Map.of(
                        "Authorization",
                        "Bearer " + staff,
                        "Content-Type",
                        FHIR_JSON,
                        "Accept",
                        FHIR_JSON,
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "fhir.clinic.example"),
                patientJson("Public", "1990-09-09", "MRN-" + UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        String id = JsonPath.from(created.body()).getString("id");
        assertThat(created.header("Location"))
                .isEqualTo("https://fhir.clinic.example/fhir/r4/Patient/" + id + "/_history/0");
    }

    @Test
    void concurrentConditionalCreatesOfOneMrnCreateOnePatient() throws Exception {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        long events = tables.patientEvents(clinic);
        for (int round = 0; round < 3; round++) {
            String mrn = "MRN-" + UUID.randomUUID();
            String body = patientJson("Race", "1966-06-06", mrn);
            String criterion = "identifier=" + MRN_SYSTEM + "|" + mrn;
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ExtractableResponse<Response>>> posts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                posts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return post(staff, body, criterion).extract();
                }));
            }
            start.countDown();
            Set<Integer> statuses = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<ExtractableResponse<Response>> future : posts) {
                ExtractableResponse<Response> response = future.get();
                statuses.add(response.statusCode());
                ids.add(response.path("id"));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 201);
            assertThat(ids).hasSize(1);
            search(staff, "Patient", "identifier", MRN_SYSTEM + "|" + mrn).body("total", equalTo(1));
        }
        // One patient and one PatientRegistered event per MRN: the losers stored nothing.
        assertThat(tables.rows("patient", clinic)).isEqualTo(3);
        assertThat(tables.patientEvents(clinic)).isEqualTo(events + 3);
    }

    @Test
    void refusesInvalidPatientsWithAnOperationOutcomeNamingTheElement() {
        String staff = TestTokens.staff(UUID.fromString(Fixtures.clinic()));
        ValidatableResponse missing = post(staff, """
                {"resourceType": "Patient", "name": [{"family": "Ng"}], "gender": "male"}""", null);
        outcome(missing, 422, "required");
        missing.body("issue.expression.flatten()", hasItem("Patient.birthDate"))
                .body("issue.expression.flatten()", hasItem("Patient.name[0].given"));
        outcome(post(staff, patientJson("Ng", "2999-01-01", "MRN-" + UUID.randomUUID()), null), 422, "invalid");
        outcome(post(staff, """
                {"resourceType": "Patient", "nmae": [{"family": "Ng"}]}""", null), 400, "invalid");
        outcome(post(staff, "{\"resourceType\": \"Observation\", \"status\": \"final\"}", null), 400, "invalid");
        outcome(post(staff, """
                {"resourceType": "Patient", "identifier": [{"system": "https://meridian.example/fhir/sid/pseudonym-id",
                 "value": "x"}], "name": [{"family": "Ng", "given": ["Li"]}], "gender": "male", "birthDate": "1970-01-01"}""", null), 422, "value");
    }

    /** PostgreSQL cannot store U+0000 in text: refused up front, naming the element, instead of failing the write. */
    @Test
    void theNulCharacterInAnyStringIsA400NamingTheElement() {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        String mrn = "MRN-" + UUID.randomUUID();
        ValidatableResponse family = post(staff, patientJson("Ng\\u0000", "1970-01-01", mrn), null);
        outcome(family, 400, "invalid");
        family.body("issue[0].expression[0]", equalTo("Patient.name[0].family"))
                .body("issue[0].diagnostics", containsString("U+0000"));
        outcome(post(staff, patientJson("Ng", "1970-01-01", "MRN\\u0000" + mrn), null), 400, "invalid");
        outcome(
                post(staff, patientJson("Ng", "1970-01-01", mrn), "identifier=" + MRN_SYSTEM + "%7C" + mrn + "%00"),
                400,
                "invalid");
        assertThat(tables.rows("patient", clinic)).isZero();
    }

    @Test
    void servesSessionsAsProceduresAssessmentsAsConditionsAndAdverseEvents() {
        CareSetup care = Fixtures.careSetup();
        String staff = TestTokens.staff(UUID.fromString(care.clinicId()));
        String sessionId = Fixtures.session(care);
        String eventId = asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false,"
                        + " \"description\": \"Bruise at GB30\", \"actionTaken\": \"Cold compress\"}")
                .when()
                .post(Fixtures.sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/adverse-events")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        valid(get(staff, "Procedure/" + sessionId)
                .statusCode(200)
                .body("id", equalTo(sessionId))
                .body("status", equalTo("completed"))
                .body("code.coding[0].code", equalTo("44868003"))
                .body("subject.reference", equalTo("Patient/" + care.patientId()))
                .body("performer[0].actor.reference", equalTo("Practitioner/" + care.practitionerId()))
                .body("performer[0].actor.display", equalTo("Mei Lin"))
                .body("bodySite.coding.flatten().code", equalTo(List.of("BL23", "GV4", "GB30", "EX-B2")))
                .body("note[0].text", containsString("cupping (Fire cupping, 5 minutes)")));
        valid(search(staff, "Procedure", "patient", "Patient/" + care.patientId(), "date", "ge2000-01-01")
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(sessionId)));
        search(staff, "Procedure", "patient", care.patientId(), "date", "lt2000-01-01")
                .body("total", equalTo(0));
        search(staff, "Procedure", "subject", "Patient/" + UUID.randomUUID()).body("total", equalTo(0));
        outcome(search(staff, "Procedure", "patient", "Group/1"), 400, "invalid");

        ExtractableResponse<Response> conditions =
                valid(search(staff, "Condition", "patient", "Patient/" + care.patientId())
                        .statusCode(200)
                        .body("total", equalTo(2))
                        .body("entry.resource.code.coding.flatten().code", equalTo(List.of("279039007", "23056005")))
                        .body("entry[1].resource.bodySite[0].text", equalTo("Left leg"))
                        .body("entry[0].resource.category[0].coding[0].code", equalTo("problem-list-item")));
        String conditionId = conditions.path("entry[0].resource.id");
        assertThat(conditionId).endsWith("-low-back");
        valid(get(staff, "Condition/" + conditionId)
                .statusCode(200)
                .body("note.text", hasItem(containsString("NIH Task Force"))));
        outcome(get(staff, "Condition/" + conditionId.replace("-low-back", "-upper-back")), 404, "not-found");

        valid(get(staff, "AdverseEvent/" + eventId)
                .statusCode(200)
                .body("actuality", equalTo("actual"))
                .body("event.coding[0].code", equalTo("BRUISING"))
                .body("severity.coding[0].code", equalTo("mild"))
                .body("seriousness.coding[0].code", equalTo("Non-serious"))
                .body("suspectEntity[0].instance.reference", equalTo("Procedure/" + sessionId)));
        valid(search(staff, "AdverseEvent", "patient", care.patientId())
                .statusCode(200)
                .body("total", equalTo(1)));
        search(staff, "AdverseEvent", "subject", "Patient/" + care.patientId()).body("total", equalTo(1));
    }

    @Test
    void aCancelledSessionIsANotDoneProcedure() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"reason\": \"PATIENT_DID_NOT_ATTEND\", \"note\": \"No show\"}")
                .when()
                .post(Fixtures.sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/cancellation")
                .then()
                .statusCode(200);
        valid(get(TestTokens.practitioner(UUID.fromString(care.clinicId())), "Procedure/" + sessionId)
                .statusCode(200)
                .body("status", equalTo("not-done"))
                .body("statusReason.text", equalTo("Cancelled: patient did not attend (No show)"))
                .header("ETag", "W/\"1\""));
    }

    @Test
    void anotherClinicsResourcesAreNotFound() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        String other = TestTokens.practitioner(UUID.fromString(Fixtures.clinic()));
        outcome(get(other, "Patient/" + care.patientId()), 404, "not-found");
        outcome(get(other, "Procedure/" + sessionId), 404, "not-found");
        search(other, "Procedure", "patient", care.patientId()).statusCode(200).body("total", equalTo(0));
        search(other, "Condition", "patient", care.patientId()).statusCode(200).body("total", equalTo(0));
        search(other, "Patient", "_id", care.patientId()).statusCode(200).body("total", equalTo(0));
        outcome(get(other, "Patient/not-a-uuid"), 404, "not-found");
    }

    @Test
    void aPatientSeesOnlyTheirOwnRecord() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        String otherPatient = Fixtures.patient(care.clinicId());
        String patient = TestTokens.patient(UUID.fromString(care.clinicId()), UUID.fromString(care.patientId()));
        valid(get(patient, "Patient/" + care.patientId()).statusCode(200));
        outcome(get(patient, "Patient/" + otherPatient), 404, "not-found");
        search(patient, "Patient")
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(care.patientId()));
        get(patient, "Procedure/" + sessionId).statusCode(200);
        search(patient, "Procedure").statusCode(200).body("total", equalTo(1));
        search(patient, "Condition", "patient", otherPatient).statusCode(200).body("total", equalTo(0));
        String other = TestTokens.patient(UUID.fromString(care.clinicId()), UUID.fromString(otherPatient));
        outcome(get(other, "Procedure/" + sessionId), 404, "not-found");
        search(other, "Procedure", "patient", care.patientId()).body("total", equalTo(0));
        outcome(post(patient, patientJson("Self", "1970-01-01", "MRN-" + UUID.randomUUID()), null), 403, "forbidden");
    }

    @Test
    void researchersAndAdminsAreForbiddenAndAnonymousCallersUnauthorized() {
        CareSetup care = Fixtures.careSetup();
        for (String token : List.of(TestTokens.researcher(), TestTokens.admin())) {
            outcome(get(token, "Patient/" + care.patientId()), 403, "forbidden");
            outcome(search(token, "Procedure"), 403, "forbidden");
            outcome(post(token, patientJson("X", "1970-01-01", "MRN-" + UUID.randomUUID()), null), 403, "forbidden");
        }
        ValidatableResponse anonymous =
                given().accept(FHIR_JSON).when().get(BASE + "Condition").then();
        outcome(anonymous, 401, "login");
        anonymous.header("WWW-Authenticate", "Bearer");
        outcome(
                given().auth()
                        .oauth2("not-a-jwt")
                        .accept(FHIR_JSON)
                        .when()
                        .get(BASE + "AdverseEvent")
                        .then(),
                401,
                "login");
        // The /api paths keep their problem+json errors.
        given().auth()
                .oauth2(TestTokens.researcher())
                .when()
                .get(Fixtures.patientPath(care.clinicId(), care.patientId()))
                .then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void capabilityStatementIsOpenAndListsWhatIntakeImplements() {
        valid(given().accept(FHIR_JSON)
                .when()
                .get(BASE + "metadata")
                .then()
                .statusCode(200)
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", equalTo(List.of("Patient", "Procedure", "Condition", "AdverseEvent")))
                .body("rest[0].resource[0].interaction.code", equalTo(List.of("create", "read", "search-type")))
                .body(
                        "rest[0].resource[0].searchParam.name",
                        equalTo(List.of("_id", "identifier", "name", "birthdate"))));
        outcome(
                given().auth()
                        .oauth2(TestTokens.staff(UUID.randomUUID()))
                        .accept(FHIR_JSON)
                        .when()
                        .delete(BASE + "Patient/" + UUID.randomUUID())
                        .then(),
                405,
                "not-supported");
    }

    @Test
    void auditsFhirCallsWithTheResourceAndCaller() {
        String clinic = Fixtures.clinic();
        String staff = TestTokens.staff(UUID.fromString(clinic));
        String id = post(staff, patientJson("Audit", "1970-01-01", "MRN-" + UUID.randomUUID()), null)
                .statusCode(201)
                .extract()
                .path("id");
        get(staff, "Patient/" + id).statusCode(200);
        get(TestTokens.practitioner(UUID.randomUUID()), "Patient/" + id).statusCode(404);
        get(TestTokens.researcher(), "Patient/" + id).statusCode(403);

        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("resourceId", id)
                .when()
                .get("/api/v1/intake/audit-events")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.resourceType", everyItemIs("Patient"))
                .body("items.status", hasItem(201))
                .body("items.status", hasItem(404))
                .body("items.status", hasItem(403))
                .body("items.find { it.httpMethod == 'POST' }.clinicId", equalTo(clinic))
                .body("items.find { it.httpMethod == 'POST' }.operation", equalTo("PatientFhirResource.create"));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
