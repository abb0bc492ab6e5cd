package org.meridian.outcomes;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds submission bodies and posts them as a given caller. */
public final class Submissions {

    private Submissions() {}

    public static String path(UUID clinicId, UUID pseudonymId) {
        return "/api/v1/outcomes/clinics/" + clinicId + "/patients/" + pseudonymId + "/assessments";
    }

    public static Map<String, Object> body(
            String instrument, String timepoint, OffsetDateTime answeredAt, Map<String, ?> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instrumentCode", instrument);
        body.put("timepoint", timepoint);
        body.put("answeredAt", answeredAt.toString());
        body.put("answers", answers);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** answers("a", 1, "b", null): keys and values alternating; null values are kept. */
    public static Map<String, Object> answers(Object... codesAndValues) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int index = 0; index < codesAndValues.length; index += 2) {
            answers.put((String) codesAndValues[index], codesAndValues[index + 1]);
        }
        return answers;
    }

    public static Map<String, Object> nrs(int value) {
        return answers("back_pain_nrs", value);
    }

    /** ODI sections with the given scores, in item order; a null is "not applicable". */
    public static Map<String, Object> odi(Integer... sections) {
        String[] items = {
            "odi_01_pain_intensity",
            "odi_02_personal_care",
            "odi_03_lifting",
            "odi_04_walking",
            "odi_05_sitting",
            "odi_06_standing",
            "odi_07_sleeping",
            "odi_08_sex_life",
            "odi_09_social_life",
            "odi_10_travelling"
        };
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int index = 0; index < items.length; index++) {
            answers.put(items[index], sections[index]);
        }
        return answers;
    }

    public static ValidatableResponse post(String token, UUID clinicId, UUID pseudonymId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path(clinicId, pseudonymId))
                .then();
    }

    public static ValidatableResponse post(
            String token, UUID clinicId, UUID pseudonymId, String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path(clinicId, pseudonymId))
                .then();
    }
}
