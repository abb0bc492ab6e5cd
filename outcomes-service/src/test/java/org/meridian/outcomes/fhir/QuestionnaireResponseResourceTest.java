package org.meridian.outcomes.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.platform.test.fhir.FhirInstanceValidation;
import org.meridian.platform.test.fhir.FhirInstanceValidation.Report;
import org.meridian.platform.test.http.RawHttp;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class QuestionnaireResponseResourceTest {

    private static final String ODI = "https://meridian.example/fhir/Questionnaire/odi|2.1a";
    private static final String NRS_BACK = "https://meridian.example/fhir/Questionnaire/nrs-back-pain|1.0";
    private static final Instant ANSWERED =
            Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @TestHTTPResource("/fhir/r4")
    java.net.URL fhirBase;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    /** intake issued the patient's pseudonym; its PatientRegistered event has not reached outcomes yet. */
    @BeforeEach
    void intakeIssuedThePatient() {
        IntakeScript.pseudonymIssued(clinic, patient);
    }

    private static Map<String, Integer> odi(Integer... sections) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<String> items =
                FhirSamples.CATALOGUE.findCurrent("ODI").orElseThrow().itemCodes();
        for (int index = 0; index < items.size(); index++) {
            answers.put(items.get(index), sections[index]);
        }
        return answers;
    }

    private QuestionnaireResponse odiResponse(String identifier) {
        QuestionnaireResponse response =
                FhirRequests.response(ODI, patient, ANSWERED, odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4));
        return identifier == null ? response : FhirRequests.withIdentifier(response, "urn:ehr:acme:qr", identifier);
    }

    @Test
    void createsAScoredResponseAndItsObservation() {
        ExtractableResponse<Response> created = FhirRequests.post(practitioner, odiResponse(null))
                .statusCode(201)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .header("ETag", "W/\"0\"")
                .body("resourceType", equalTo("QuestionnaireResponse"))
                .body("status", equalTo("completed"))
                .body("questionnaire", equalTo(ODI))
                .body("subject.identifier.value", equalTo(patient.toString()))
                .body("authored", equalTo(ANSWERED.toString()))
                .body(
                        "item.linkId",
                        contains(
                                "odi_01_pain_intensity",
                                "odi_02_personal_care",
                                "odi_03_lifting",
                                "odi_04_walking",
                                "odi_05_sitting",
                                "odi_06_standing",
                                "odi_07_sleeping",
                                "odi_09_social_life",
                                "odi_10_travelling"))
                .extract();
        String id = created.path("id");
        // R4 http.html#create: Location SHALL be [base]/[type]/[id]/_history/[vid].
        assertThat(created.header("Location")).endsWith("/fhir/r4/QuestionnaireResponse/" + id + "/_history/0");

        FhirRequests.get(practitioner, "/fhir/r4/Observation/" + id)
                .statusCode(200)
                .body("resourceType", equalTo("Observation"))
                .body("code.coding[0].code", equalTo("odi-percent"))
                .body("valueQuantity.value", equalTo(66.6667f))
                .body("valueQuantity.code", equalTo("%"))
                .body("derivedFrom[0].reference", equalTo("QuestionnaireResponse/" + id))
                .body("component.valueCodeableConcept.coding[0].code", hasItem("CRIPPLED"));
        FhirRequests.get(practitioner, "/fhir/r4/QuestionnaireResponse/" + id)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("item[2].answer[0].valueCoding.code", equalTo("4"));
    }

    @Test
    void aRepeatedIdentifierReturnsTheFirstResultAndOtherContentConflicts() {
        String first = FhirRequests.post(practitioner, odiResponse("visit-1"))
                .statusCode(201)
                .extract()
                .path("id");

        FhirRequests.post(practitioner, odiResponse("visit-1"))
                .statusCode(200)
                .body("id", equalTo(first))
                .body("identifier.system", equalTo("urn:ehr:acme:qr"))
                .body("identifier.value", equalTo("visit-1"));
        QuestionnaireResponse changed = odiResponse("visit-1");
        changed.getItemFirstRep().getAnswerFirstRep().setValue(new IntegerType(0));
        FhirRequests.post(practitioner, changed)
                .statusCode(409)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("conflict"));
    }

    @Test
    void concurrentCreatesWithOneIdentifierStoreOneResponse() throws Exception {
        String body = FhirInstanceValidation.json(odiResponse("concurrent-" + UUID.randomUUID()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int call = 0; call < 4; call++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> FhirRequests.post(practitioner, body).extract(), pool));
            }
            List<ExtractableResponse<Response>> responses = new ArrayList<>();
            for (CompletableFuture<ExtractableResponse<Response>> call : calls) {
                responses.add(call.get());
            }
            assertThat(responses)
                    .extracting(ExtractableResponse::statusCode)
                    .containsOnly(201, 200)
                    .filteredOn(status -> status == 201)
                    .hasSize(1);
            assertThat(responses)
                    .extracting(response -> (String) response.path("id"))
                    .containsOnly((String) responses.getFirst().path("id"));
        } finally {
            pool.shutdownNow();
        }
        FhirRequests.get(
                        practitioner,
                        "/fhir/r4/QuestionnaireResponse?identifier=urn:ehr:acme:qr|"
                                + FhirInstanceValidation.CONTEXT
                                        .newJsonParser()
                                        .parseResource(QuestionnaireResponse.class, body)
                                        .getIdentifier()
                                        .getValue())
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void ifNoneExistMakesACreateConditionalOnTheIdentifier() {
        String key = "header-" + UUID.randomUUID();
        String first = given().auth()
                .oauth2(practitioner)
                .contentType(FhirRequests.FHIR_JSON)
                .header("If-None-Exist", "identifier=" + key)
                .body(FhirInstanceValidation.json(odiResponse(null)))
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(201)
                .body("identifier.value", equalTo(key))
                .extract()
                .path("id");

        given().auth()
                .oauth2(practitioner)
                .contentType(FhirRequests.FHIR_JSON)
                .header("If-None-Exist", "identifier=" + key)
                .body(FhirInstanceValidation.json(odiResponse(null)))
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
    }

    /** R4 http.html#ccreate: the criteria are a query string, which clients also send as a relative or full URL. */
    @Test
    void ifNoneExistIsAcceptedAsAQueryStringOrAsARelativeOrFullUrlOfQuestionnaireResponse() {
        String key = "form-" + UUID.randomUUID();
        String body = FhirInstanceValidation.json(odiResponse(null));
        String first = conditionalPost(
                        "http://ehr.example/fhir/r4/QuestionnaireResponse?identifier=urn:ehr:acme:qr%7C" + key, body)
                .statusCode(201)
                .extract()
                .path("id");
        for (String criteria : List.of(
                "identifier=urn:ehr:acme:qr|" + key,
                "identifier=urn%3Aehr%3Aacme%3Aqr%7C" + key,
                "?identifier=urn:ehr:acme:qr%7C" + key,
                "QuestionnaireResponse?identifier=urn:ehr:acme:qr%7C" + key,
                "/fhir/r4/QuestionnaireResponse?identifier=urn:ehr:acme:qr%7C" + key)) {
            conditionalPost(criteria, body)
                    .statusCode(200)
                    .body("id", equalTo(first))
                    .body("identifier.system", equalTo("urn:ehr:acme:qr"))
                    .body("identifier.value", equalTo(key));
        }
        conditionalPost("Observation?identifier=urn:ehr:acme:qr%7C" + key, body)
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].diagnostics", containsString("QuestionnaireResponse"));
        conditionalPost("QuestionnaireResponse?status=completed", body)
                .statusCode(400)
                .body("issue[0].code", equalTo("not-supported"));
    }

    private ValidatableResponse conditionalPost(String ifNoneExist, String body) {
        return given().auth()
                .oauth2(practitioner)
                .contentType(FhirRequests.FHIR_JSON)
                .accept(FhirRequests.FHIR_JSON)
                .header("If-None-Exist", ifNoneExist)
                .body(body)
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then();
    }

    /** The EHR integration most clinics use: HAPI FHIR's own generic client. */
    @Test
    void hapisGenericClientCreatesConditionallyAndFindsTheLocation() {
        String key = "hapi-" + UUID.randomUUID();
        IGenericClient client = FhirInstanceValidation.CONTEXT.newRestfulGenericClient(fhirBase.toString());
        client.registerInterceptor(new BearerTokenAuthInterceptor(practitioner));
        QuestionnaireResponse response = odiResponse(null);

        MethodOutcome first = client.create()
                .resource(response)
                .conditionalByUrl("QuestionnaireResponse?identifier=urn:ehr:acme:qr|" + key)
                .execute();
        assertThat(first.getCreated()).isTrue();
        assertThat(first.getId().getResourceType()).isEqualTo("QuestionnaireResponse");
        assertThat(first.getId().getVersionIdPart()).isEqualTo("0");
        String id = first.getId().getIdPart();

        MethodOutcome again = client.create()
                .resource(response)
                .conditionalByUrl("QuestionnaireResponse?identifier=urn:ehr:acme:qr|" + key)
                .execute();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(((QuestionnaireResponse) again.getResource()).getIdPart()).isEqualTo(id);
        MethodOutcome fluent = client.create()
                .resource(response)
                .conditional()
                .where(QuestionnaireResponse.IDENTIFIER.exactly().systemAndCode("urn:ehr:acme:qr", key))
                .execute();
        assertThat(((QuestionnaireResponse) fluent.getResource()).getIdPart()).isEqualTo(id);
        assertThat(client.read()
                        .resource(QuestionnaireResponse.class)
                        .withId(id)
                        .execute()
                        .getIdentifier()
                        .getValue())
                .isEqualTo(key);
    }

    /** Behind the gateway the Location is the public one, from the forwarded headers the gateway sends. */
    @Test
    void theLocationOfACreateIsThePublicVersionedUrl() throws Exception {
        // Forwarding headers count from the gateway only: the test profile trusts 127.0.0.2 as the gateway.
        RawHttp.Response created = RawHttp.send(
                "127.0.0.2",
                fhirBase.getPort(),
                "POST",
                "/fhir/r4/QuestionnaireResponse",
                Map.of(
                        "Authorization",
                        "Bearer " + practitioner,
                        "Content-Type",
                        FhirRequests.FHIR_JSON,
                        "Accept",
                        FhirRequests.FHIR_JSON,
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "fhir.clinic.example"),
                FhirInstanceValidation.json(odiResponse(null)));
        assertThat(created.status()).isEqualTo(201);
        String id = JsonPath.from(created.body()).getString("id");
        assertThat(created.header("Location"))
                .isEqualTo("https://fhir.clinic.example/fhir/r4/QuestionnaireResponse/" + id + "/_history/0");
    }

    @Test
    void answersThatCannotBeScoredAre422NamingEachItem() {
        QuestionnaireResponse response =
                FhirRequests.response(ODI, patient, ANSWERED, odi(3, null, 4, 3, 3, 4, 2, null, 5, 4));

        FhirRequests.post(practitioner, response)
                .statusCode(422)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.code", contains("business-rule", "business-rule"))
                .body(
                        "issue.expression.flatten()",
                        contains(
                                "QuestionnaireResponse.item.where(linkId='odi_02_personal_care')",
                                "QuestionnaireResponse.item.where(linkId='odi_08_sex_life')"));
        FhirRequests.get(
                        practitioner,
                        "/fhir/r4/QuestionnaireResponse?patient:identifier=" + MeridianFhir.PSEUDONYM_SYSTEM + "|"
                                + patient)
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anAnswerOutsideTheItemsCodesIs422AtThatItem() {
        QuestionnaireResponse response =
                FhirRequests.response(NRS_BACK, patient, ANSWERED, Map.of("back_pain_nrs", 11));

        FhirRequests.post(practitioner, response)
                .statusCode(422)
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.item[0]"))
                .body("issue[0].diagnostics", containsString("back_pain_nrs"));
    }

    @Test
    void aWrongAnswerTypeIs422AndAnUnknownQuestionnaireToo() {
        QuestionnaireResponse wrongType =
                FhirRequests.response(NRS_BACK, patient, ANSWERED, Map.of("back_pain_nrs", 2));
        wrongType.getItemFirstRep().getAnswerFirstRep().setValue(new StringType("two"));
        FhirRequests.post(practitioner, wrongType)
                .statusCode(422)
                .body("issue[0].code", equalTo("value"))
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.item[0].answer[0]"));

        FhirRequests.post(
                        practitioner,
                        FhirRequests.response(
                                "https://example.org/Questionnaire/phq9", patient, ANSWERED, Map.of("q1", 1)))
                .statusCode(422)
                .body("issue[0].code", equalTo("not-found"))
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.questionnaire"));
    }

    @Test
    void malformedBodiesAndOtherResourceTypesAre400() {
        FhirRequests.post(practitioner, "{\"resourceType\": \"QuestionnaireResponse\", \"status\": ")
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("invalid"));
        FhirRequests.post(practitioner, "{\"resourceType\": \"Patient\"}")
                .statusCode(400)
                .body("issue[0].diagnostics", containsString("Patient"));
        FhirRequests.post(
                        practitioner,
                        FhirInstanceValidation.json(odiResponse(null))
                                .replace(
                                        "\"authored\"", "\"partof\": [{\"reference\": \"Procedure/1\"}], \"authored\""))
                .statusCode(400)
                .body("issue[0].diagnostics", containsString("partof"));
        FhirRequests.post(
                        practitioner,
                        FhirInstanceValidation.json(
                                FhirRequests.response(NRS_BACK, null, ANSWERED, Map.of("back_pain_nrs", 2))))
                .statusCode(400)
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.subject"));
    }

    /** PostgreSQL cannot store U+0000 in text: refused up front, naming the element, instead of failing the write. */
    @Test
    void theNulCharacterInAnyStringIsA400NamingTheElement() {
        FhirRequests.post(practitioner, odiResponse("visit\u0000-1"))
                .statusCode(400)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.identifier.value"))
                .body("issue[0].diagnostics", containsString("U+0000"));
        QuestionnaireResponse linkId = odiResponse(null);
        linkId.getItem().get(1).setLinkId("odi_02\u0000");
        FhirRequests.post(practitioner, linkId)
                .statusCode(400)
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.item[1].linkId"));
        given().auth()
                .oauth2(practitioner)
                .contentType(FhirRequests.FHIR_JSON)
                .accept(FhirRequests.FHIR_JSON)
                .header("If-None-Exist", "identifier=urn:ehr:acme:qr%7Cvisit%00-1")
                .body(FhirInstanceValidation.json(odiResponse(null)))
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("If-None-Exist"));
        FhirRequests.get(
                        practitioner,
                        "/fhir/r4/QuestionnaireResponse?patient:identifier=" + MeridianFhir.PSEUDONYM_SYSTEM + "|"
                                + patient)
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aPatientSubmitsAndReadsOnlyTheirOwnResponses() {
        String own = TestTokens.pseudonymousPatient(clinic, patient);
        String id = FhirRequests.post(own, FhirRequests.response(NRS_BACK, null, ANSWERED, Map.of("back_pain_nrs", 4)))
                .statusCode(201)
                .body("subject.identifier.value", equalTo(patient.toString()))
                .extract()
                .path("id");

        FhirRequests.get(own, "/fhir/r4/QuestionnaireResponse/" + id).statusCode(200);
        FhirRequests.get(
                        TestTokens.pseudonymousPatient(clinic, UUID.randomUUID()),
                        "/fhir/r4/QuestionnaireResponse/" + id)
                .statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        FhirRequests.get(TestTokens.practitioner(UUID.randomUUID()), "/fhir/r4/Observation/" + id)
                .statusCode(404);
        FhirRequests.post(own, FhirRequests.response(NRS_BACK, UUID.randomUUID(), ANSWERED, Map.of("back_pain_nrs", 4)))
                .statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
    }

    @Test
    void everythingServedValidatesAgainstTheR4Specification() {
        String session = UUID.randomUUID().toString();
        QuestionnaireResponse response = FhirRequests.response(NRS_BACK, patient, ANSWERED, Map.of("back_pain_nrs", 5));
        response.addPartOf().setReference("Procedure/" + session);
        response.addExtension(
                MeridianFhir.TIMEPOINT_EXTENSION, new Coding(MeridianFhir.TIMEPOINT_SYSTEM, "PRE_SESSION", null));
        String id = FhirRequests.post(practitioner, response)
                .statusCode(201)
                .extract()
                .path("id");
        FhirRequests.post(practitioner, odiResponse(null)).statusCode(201);
        String patientParam = "patient:identifier=" + MeridianFhir.PSEUDONYM_SYSTEM + "|" + patient;

        List<String> served = List.of(
                FhirRequests.get(practitioner, "/fhir/r4/QuestionnaireResponse/" + id)
                        .statusCode(200)
                        .body("partOf[0].reference", equalTo("Procedure/" + session))
                        .extract()
                        .asString(),
                FhirRequests.get(practitioner, "/fhir/r4/Observation/" + id)
                        .statusCode(200)
                        .body("partOf[0].reference", equalTo("Procedure/" + session))
                        .extract()
                        .asString(),
                FhirRequests.get(practitioner, "/fhir/r4/QuestionnaireResponse?" + patientParam)
                        .statusCode(200)
                        .extract()
                        .asString(),
                FhirRequests.get(practitioner, "/fhir/r4/Observation?" + patientParam)
                        .statusCode(200)
                        .extract()
                        .asString(),
                FhirRequests.get(practitioner, "/fhir/r4/Questionnaire?_count=3")
                        .statusCode(200)
                        .extract()
                        .asString(),
                FhirRequests.post(practitioner, FhirRequests.response(ODI, patient, ANSWERED, Map.of()))
                        .statusCode(422)
                        .extract()
                        .asString(),
                given().accept(FhirRequests.FHIR_JSON)
                        .when()
                        .get("/fhir/r4/Observation")
                        .then()
                        .statusCode(401)
                        .extract()
                        .asString(),
                given().when()
                        .get("/fhir/r4/metadata")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());

        for (String json : served) {
            Report report = FhirValidation.validator().validate(json);
            assertThat(report.errors()).as(report::describeErrors).isEmpty();
        }
    }

    @Test
    void everyInstrumentRoundTripsToTheObservationOfItsNativeScore() {
        QuestionnaireResponseWriter writer = new QuestionnaireResponseWriter();
        ObservationMapper mapper = new ObservationMapper();
        for (InstrumentDefinition instrument : FhirSamples.instruments()) {
            Map<String, Integer> answers = FhirSamples.answers(instrument);
            StoredSubmission sample = FhirSamples.stored(instrument, answers, false);
            QuestionnaireResponse request =
                    writer.toResource(sample, instrument).setSubject(PatientReferences.of(patient));
            request.setId((String) null);
            request.setMeta(null);
            Observation expected = mapper.toObservation(sample, instrument, FhirSamples.score(instrument, answers));

            String id = FhirRequests.post(practitioner, request)
                    .statusCode(201)
                    .extract()
                    .path("id");
            String served = FhirRequests.get(practitioner, "/fhir/r4/Observation/" + id)
                    .statusCode(200)
                    .extract()
                    .asString();

            Observation observation =
                    FhirInstanceValidation.CONTEXT.newJsonParser().parseResource(Observation.class, served);
            assertThat(observation.getValue().equalsDeep(expected.getValue()))
                    .as(instrument.label())
                    .isTrue();
            assertThat(observation.getCode().equalsDeep(expected.getCode()))
                    .as(instrument.label())
                    .isTrue();
            assertThat(observation.getComponent()).hasSameSizeAs(expected.getComponent());
            for (int index = 0; index < expected.getComponent().size(); index++) {
                assertThat(observation
                                .getComponent()
                                .get(index)
                                .equalsDeep(expected.getComponent().get(index)))
                        .as(instrument.label() + " component " + index)
                        .isTrue();
            }
            Report report = FhirValidation.validator().validate(served);
            assertThat(report.errors()).as(report::describeErrors).isEmpty();
        }
    }

    @Test
    void anInProgressResponseIsSavedAsADraftWithoutObservation() {
        QuestionnaireResponse draft = FhirRequests.response(
                        ODI, patient, ANSWERED, odi(3, null, null, 3, null, 4, 2, null, 5, 4))
                .setStatus(QuestionnaireResponseStatus.INPROGRESS);

        String id = FhirRequests.post(practitioner, draft)
                .statusCode(201)
                .body("status", equalTo("in-progress"))
                .extract()
                .path("id");

        FhirRequests.get(practitioner, "/fhir/r4/Observation/" + id).statusCode(404);
    }

    @Test
    void researchersMayNotReachPatientResponses() {
        FhirRequests.get(TestTokens.researcher(), "/fhir/r4/QuestionnaireResponse")
                .statusCode(403)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("forbidden"));
    }

    @Test
    void searchesByPatientQuestionnaireAndAuthoredDateWithPaging() {
        for (int day = 1; day <= 3; day++) {
            FhirRequests.post(
                            practitioner,
                            FhirRequests.response(
                                    NRS_BACK,
                                    patient,
                                    ANSWERED.minus(day, ChronoUnit.DAYS),
                                    Map.of("back_pain_nrs", day)))
                    .statusCode(201);
        }
        FhirRequests.post(practitioner, odiResponse(null)).statusCode(201);
        String patientParam = "patient:identifier=" + MeridianFhir.PSEUDONYM_SYSTEM + "|" + patient;

        FhirRequests.get(
                        practitioner,
                        "/fhir/r4/QuestionnaireResponse?" + patientParam
                                + "&questionnaire=https://meridian.example/fhir/Questionnaire/nrs-back-pain&_count=2")
                .statusCode(200)
                .body("total", equalTo(3))
                .body("entry", hasSize(2))
                .body("entry[0].resource.item[0].answer[0].valueCoding.code", equalTo("3"))
                .body("entry[0].fullUrl", containsString("/fhir/r4/QuestionnaireResponse/"))
                .body("link.find { it.relation == 'next' }.url", containsString("_page=1"));
        FhirRequests.get(
                        practitioner,
                        "/fhir/r4/QuestionnaireResponse?" + patientParam
                                + "&questionnaire=https://meridian.example/fhir/Questionnaire/nrs-back-pain&_count=2&_page=1")
                .statusCode(200)
                .body("entry", hasSize(1))
                .body("entry[0].resource.item[0].answer[0].valueCoding.code", equalTo("1"));
        FhirRequests.get(
                        practitioner,
                        "/fhir/r4/QuestionnaireResponse?" + patientParam + "&authored=ge"
                                + ANSWERED.minus(2, ChronoUnit.DAYS) + "&authored=lt" + ANSWERED)
                .statusCode(200)
                .body("total", equalTo(2));
        FhirRequests.get(practitioner, "/fhir/r4/QuestionnaireResponse?authored=2026-13")
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void searchesObservationsByLoincCodeAndDate() {
        FhirRequests.post(practitioner, FhirRequests.response(NRS_BACK, patient, ANSWERED, Map.of("back_pain_nrs", 6)))
                .statusCode(201);
        FhirRequests.post(practitioner, odiResponse(null)).statusCode(201);
        String patientParam = "patient:identifier=" + MeridianFhir.PSEUDONYM_SYSTEM + "|" + patient;

        FhirRequests.get(practitioner, "/fhir/r4/Observation?" + patientParam + "&code=http://loinc.org|72514-3")
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.valueInteger", equalTo(6))
                .body("entry[0].resource.category[0].coding[0].code", equalTo("survey"));
        FhirRequests.get(
                        practitioner,
                        "/fhir/r4/Observation?" + patientParam + "&code="
                                + MeridianFhir.SCORE_SYSTEM + "|odi-percent,http://loinc.org|72514-3&date=ge"
                                + ANSWERED.toString().substring(0, 10))
                .statusCode(200)
                .body("total", equalTo(2));
        FhirRequests.get(practitioner, "/fhir/r4/Observation?" + patientParam + "&_lastUpdated=lt2020-01-01")
                .statusCode(200)
                .body("total", equalTo(0));
        FhirRequests.get(practitioner, "/fhir/r4/Observation?" + patientParam + "&code=http://loinc.org|0000-0")
                .statusCode(200)
                .body("total", equalTo(0))
                .body("entry", nullValue());
        FhirRequests.get(practitioner, "/fhir/r4/Observation/" + UUID.randomUUID())
                .statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
        FhirRequests.get(practitioner, "/fhir/r4/Observation/not-a-uuid").statusCode(404);
        FhirRequests.get(practitioner, "/fhir/r4/Observation?" + patientParam)
                .statusCode(200)
                .body("entry[0].resource.meta.lastUpdated", notNullValue());
    }
}
