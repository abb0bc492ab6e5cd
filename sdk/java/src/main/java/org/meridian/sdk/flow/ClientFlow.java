package org.meridian.sdk.flow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.meridian.sdk.ApiClient;
import org.meridian.sdk.ApiException;
import org.meridian.sdk.ApiResponse;
import org.meridian.sdk.api.AssessmentsApi;
import org.meridian.sdk.api.PatientsApi;
import org.meridian.sdk.api.ProgressApi;
import org.meridian.sdk.model.Assessment;
import org.meridian.sdk.model.AssessmentSubmission;
import org.meridian.sdk.model.FieldError;
import org.meridian.sdk.model.KnownPatient;
import org.meridian.sdk.model.OdiResult;
import org.meridian.sdk.model.Patient;
import org.meridian.sdk.model.PatientRequest;
import org.meridian.sdk.model.Problem;
import org.meridian.sdk.model.Sex;
import org.meridian.sdk.model.Timepoint;

/**
 * A client developer's first flow with the generated Java SDK, run against a live stack by scripts/sdk-test.sh:
 * register a patient with intake, wait until outcomes knows them, submit an ODI (and replay it), read the progress,
 * and handle a rejected questionnaire by its error codes. Exits non-zero at the first surprise.
 */
public final class ClientFlow {

    private static final List<String> ODI_SECTIONS = List.of(
            "odi_01_pain_intensity",
            "odi_02_personal_care",
            "odi_03_lifting",
            "odi_04_walking",
            "odi_05_sitting",
            "odi_06_standing",
            "odi_07_sleeping",
            "odi_08_sex_life",
            "odi_09_social_life",
            "odi_10_travelling");

    private ClientFlow() {}

    public static void main(String[] args) throws Exception {
        String baseUrl = required("MERIDIAN_URL");
        UUID clinicId = UUID.fromString(required("MERIDIAN_CLINIC_ID"));
        String token = required("MERIDIAN_TOKEN");
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        PatientsApi patients = new PatientsApi(client);
        AssessmentsApi assessments = new AssessmentsApi(client);
        ProgressApi progress = new ProgressApi(client);
        System.out.println("Java SDK flow against " + baseUrl);

        ApiResponse<Patient> registered = patients.registerPatientWithHttpInfo(
                clinicId,
                new PatientRequest()
                        .givenName("Sdk")
                        .familyName("Flow-" + UUID.randomUUID().toString().substring(0, 8))
                        .dateOfBirth(LocalDate.of(1980, 5, 17))
                        .sex(Sex.MALE));
        check(
                registered.getStatusCode() == 201 && registered.getData().getPseudonymId() != null,
                "registerPatient: 201 with a pseudonym");
        UUID pseudonymId = registered.getData().getPseudonymId();

        // outcomes learns of the patient from intake's event feed: until then getKnownPatient answers 404
        long deadline = System.nanoTime() + 60_000_000_000L;
        KnownPatient known = null;
        while (known == null) {
            try {
                known = patients.getKnownPatient(clinicId, pseudonymId);
            } catch (ApiException notYet) {
                if (notYet.getCode() != 404 || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
        check(Boolean.TRUE.equals(known.getKnown()), "getKnownPatient: outcomes knows the new patient");

        Map<String, Object> answers = new HashMap<>();
        for (int i = 0; i < ODI_SECTIONS.size(); i++) {
            answers.put(ODI_SECTIONS.get(i), i % 3);
        }
        // an app retrying after a lost answer sends the same body with the same key
        String key = UUID.randomUUID().toString();
        AssessmentSubmission baseline = odi(answers);
        ApiResponse<Assessment> submitted =
                assessments.submitAssessmentWithHttpInfo(clinicId, pseudonymId, baseline, key);
        check(
                submitted.getStatusCode() == 201
                        && submitted.getData().getScore().compareTo(BigDecimal.valueOf(18)) == 0,
                "submitAssessment: ODI stored, 18 %");
        OdiResult details = submitted.getData().getDetails().getOdiResult();
        check(
                details.getTotal() == 9 && "MINIMAL".equals(String.valueOf(details.getCategory())),
                "the typed details are the ODI result: total 9, category MINIMAL");
        ApiResponse<Assessment> replayed =
                assessments.submitAssessmentWithHttpInfo(clinicId, pseudonymId, baseline, key);
        check(
                replayed.getStatusCode() == 200
                        && replayed.getData().getId().equals(submitted.getData().getId()),
                "submitAssessment: a replay returns the same assessment");

        BigDecimal baselineScore = progress.getPatientProgress(clinicId, pseudonymId).getMeasures().stream()
                .filter(measure -> "ODI".equals(measure.getInstrumentCode()))
                .findFirst()
                .orElseThrow()
                .getBaseline()
                .getScore();
        check(baselineScore.compareTo(BigDecimal.valueOf(18)) == 0, "getPatientProgress: the ODI is the baseline");

        Map<String, Object> incomplete = new HashMap<>(answers);
        incomplete.remove("odi_03_lifting");
        incomplete.remove("odi_04_walking");
        incomplete.put("odi_05_sitting", 7);
        try {
            assessments.submitAssessment(
                    clinicId,
                    pseudonymId,
                    odi(incomplete),
                    UUID.randomUUID().toString());
            check(false, "submitAssessment: an unscoreable ODI is refused");
        } catch (ApiException rejected) {
            check(rejected.getCode() == 422, "submitAssessment: an unscoreable ODI is refused with 422");
            Problem problem = client.getObjectMapper().readValue(rejected.getResponseBody(), Problem.class);
            Map<String, String> codes = problem.getErrors().stream()
                    .collect(Collectors.toMap(FieldError::getField, error -> String.valueOf(error.getCode())));
            check(
                    "required".equals(codes.get("answers.odi_03_lifting"))
                            && "required".equals(codes.get("answers.odi_04_walking")),
                    "the unanswered sections have code required");
            check("out_of_range".equals(codes.get("answers.odi_05_sitting")), "the value 7 has code out_of_range");
        }
        System.out.println("Java SDK flow passed");
    }

    private static AssessmentSubmission odi(Map<String, Object> answers) {
        return new AssessmentSubmission()
                .instrumentCode("ODI")
                .timepoint(Timepoint.BASELINE)
                .answeredAt(OffsetDateTime.now())
                .answers(answers);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("flow failed: " + what);
        }
        System.out.println("  ok  " + what);
    }
}
