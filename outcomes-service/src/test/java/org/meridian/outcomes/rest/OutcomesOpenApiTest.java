package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The published OpenAPI document describes instruments, submissions, scores, trajectories and errors with examples. */
@QuarkusTest
class OutcomesOpenApiTest {

    private static final String ASSESSMENTS = "'/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments'";

    @Test
    void documentsSubmissionsWithEveryErrorAsProblemJsonWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/outcomes/instruments/{code}/versions/{version}"))
                .body("paths", hasKey("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/trajectory"))
                .body("paths", hasKey("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/episodes/{episodeId}/progress"))
                .body("paths", hasKey("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/schedule"))
                .body("paths." + ASSESSMENTS + ".post.responses", hasKey("201"))
                .body("paths." + ASSESSMENTS + ".post.responses", hasKey("200"))
                .body("paths." + ASSESSMENTS + ".post.responses.'400'.content", hasKey("application/problem+json"))
                .body("paths." + ASSESSMENTS + ".post.responses.'401'.content", hasKey("application/problem+json"))
                .body("paths." + ASSESSMENTS + ".post.responses.'404'.content", hasKey("application/problem+json"))
                .body("paths." + ASSESSMENTS + ".post.responses.'409'.content", hasKey("application/problem+json"))
                .body("paths." + ASSESSMENTS + ".post.responses.'422'.content.'application/problem+json'.examples.unscoreable.value",
                        notNullValue())
                .body("paths." + ASSESSMENTS + ".post.parameters.name", org.hamcrest.Matchers.hasItem("Idempotency-Key"))
                .body("components.schemas.AssessmentSubmission.examples", notNullValue())
                .body("components.schemas.Assessment.examples", notNullValue())
                .body("components.schemas.Trajectory.examples", notNullValue())
                .body("components.schemas.Progress.examples", notNullValue())
                .body("components.schemas.Instrument.properties", hasKey("licenceNotice"));
    }

    @Test
    void describesIdempotencyInTheSubmitOperation() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths." + ASSESSMENTS + ".post.description", containsString("Idempotency-Key"));
    }
}
