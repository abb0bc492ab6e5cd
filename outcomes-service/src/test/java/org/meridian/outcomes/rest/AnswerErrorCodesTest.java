package org.meridian.outcomes.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.meridian.outcomes.Submissions.answers;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.odi;
import static org.meridian.outcomes.Submissions.post;
import static org.meridian.outcomes.Submissions.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.platform.web.problem.ErrorCode;

/** Each reason a questionnaire cannot be scored has its own code, so an app can tell "answer this" from "invalid". */
@QuarkusTest
class AnswerErrorCodesTest {

    private static final OffsetDateTime ANSWERED =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    @Test
    void anUnansweredItemIsRequired() {
        post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, answers("back_pain_nrs", null)))
                .statusCode(422)
                .body("type", equalTo("urn:meridian:problem:unprocessable"))
                .body("errors.field", contains("answers.back_pain_nrs"))
                .body("errors.code", contains("required"));
    }

    @Test
    void aValueOutsideTheScaleIsOutOfRange() {
        post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, answers("back_pain_nrs", 11)))
                .statusCode(422)
                .body("errors.field", contains("answers.back_pain_nrs"))
                .body("errors.code", contains("out_of_range"));
        post(practitioner, clinic, patient, body("ODI", "BASELINE", ANSWERED, odi(3, 2, 4, 3, 3, 4, 2, 1, 5, -1)))
                .statusCode(422)
                .body("errors.field", contains("answers.odi_10_travelling"))
                .body("errors.code", contains("out_of_range"));
    }

    @Test
    void anItemTheInstrumentDoesNotHaveIsAnUnknownItem() {
        post(
                        practitioner,
                        clinic,
                        patient,
                        body("NRS_BACK_PAIN", "BASELINE", ANSWERED, answers("back_pain_nrs", 4, "leg_pain_nrs", 2)))
                .statusCode(422)
                .body("errors.field", contains("answers.leg_pain_nrs"))
                .body("errors.code", contains("unknown_item"));
    }

    @Test
    void aStringOrAFractionIsNotACode() {
        post(
                        practitioner,
                        clinic,
                        patient,
                        body(
                                "PEG",
                                "BASELINE",
                                ANSWERED,
                                answers("peg_pain", "4", "peg_enjoyment", 2.5, "peg_general_activity", true)))
                .statusCode(422)
                .body(
                        "errors.field",
                        containsInAnyOrder("answers.peg_pain", "answers.peg_enjoyment", "answers.peg_general_activity"))
                .body("errors.find { it.field == 'answers.peg_pain' }.code", equalTo("not_a_number"))
                .body("errors.find { it.field == 'answers.peg_enjoyment' }.code", equalTo("not_an_integer"))
                .body("errors.find { it.field == 'answers.peg_general_activity' }.code", equalTo("not_a_number"));
    }

    @Test
    void everyProblemOfOneSubmissionCarriesItsOwnCode() {
        Map<String, Object> answers = odi(3, null, 4, 9, 3, 4, 2, null, 5, 4);
        answers.put("odi_11_driving", 2);
        post(practitioner, clinic, patient, body("ODI", "BASELINE", ANSWERED, answers))
                .statusCode(422)
                .body("errors.code", containsInAnyOrder("out_of_range", "unknown_item", "required", "required"));
    }

    @Test
    void theOpenApiDocumentDeclaresTheCodesAsAnEnum() {
        JsonPath spec = ServedOpenApi.document();
        assertThat(spec.getString("components.schemas.FieldError.properties.code.$ref"))
                .isEqualTo("#/components/schemas/ErrorCode");
        assertThat(spec.getList("components.schemas.FieldError.required", String.class))
                .contains("field", "code", "message");
        assertThat(spec.getList("components.schemas.ErrorCode.enum", String.class))
                .containsExactlyElementsOf(ErrorCode.wireValues());
    }

    @Test
    void submissionFieldsCarryCodesToo() {
        Map<String, Object> followUp = body("NRS_BACK_PAIN", "FOLLOW_UP", ANSWERED, answers("back_pain_nrs", 4));
        post(practitioner, clinic, patient, followUp)
                .statusCode(400)
                .body("errors.field", contains("followUpWeeks"))
                .body("errors.code", contains("required"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body("NRS_BACK_PAIN", "BASELINE", ANSWERED, answers("back_pain_nrs", 4)),
                                "followUpWeeks",
                                6))
                .statusCode(400)
                .body("errors.code", contains("not_allowed"));
        post(practitioner, clinic, patient, body("NO_SUCH", "BASELINE", ANSWERED, answers("x", 4)))
                .statusCode(422)
                .body("errors.field", contains("instrumentCode"))
                .body("errors.code", contains("not_found"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(body("NRS_BACK_PAIN", "BASELINE", ANSWERED, Map.of()), "timepoint", "LATER"))
                .statusCode(400)
                .body("errors.field", contains("timepoint"))
                .body("errors.code", contains("not_an_option"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(body("NRS_BACK_PAIN", "BASELINE", ANSWERED, Map.of()), "answeredAt", 12))
                .statusCode(400)
                .body("errors.field", contains("answeredAt"))
                .body("errors.code", contains("wrong_type"));
    }
}
