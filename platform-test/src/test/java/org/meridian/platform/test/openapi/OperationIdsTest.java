package org.meridian.platform.test.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule the services' OperationIdsTest and the gateway's merge test apply catches each way to break it. */
class OperationIdsTest {

    @Test
    void acceptsVerbPhrasesInLowerCamelCase() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("GET /a", "getVisit12Check");
        ids.put("POST /a", "recordIntakeAssessment");
        ids.put("GET /b", "listClinics");
        assertThat(OperationIds.problems(ids)).isEmpty();
    }

    @Test
    void reportsAMissingOperationId() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("GET /a", null);
        assertThat(OperationIds.problems(ids)).containsExactly("GET /a has no operationId");
    }

    @Test
    void reportsAnIdThatIsNotLowerCamelCase() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("GET /a", "GetClinic");
        ids.put("GET /b", "get_clinic");
        ids.put("GET /c", "apiV1IntakeClinicsGet");
        ids.put("GET /d", "getFHIRPatient");
        assertThat(OperationIds.problems(ids))
                .containsExactly(
                        "GET /a: operationId GetClinic is not lowerCamelCase",
                        "GET /b: operationId get_clinic is not lowerCamelCase",
                        "GET /c: operationId apiV1IntakeClinicsGet does not start with one of the verbs "
                                + OperationIds.VERBS,
                        "GET /d: operationId getFHIRPatient is not lowerCamelCase");
    }

    @Test
    void reportsAnIdThatDoesNotStartWithAnAllowedVerb() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("GET /a", "clinicList");
        ids.put("GET /b", "fetchClinic");
        assertThat(OperationIds.problems(ids)).hasSize(2).allMatch(problem -> problem.contains("does not start"));
    }

    @Test
    void reportsAnIdUsedTwice() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("GET /a", "getClinic");
        ids.put("GET /b", "getClinic");
        assertThat(OperationIds.problems(ids)).containsExactly("GET /b: operationId getClinic is also that of GET /a");
    }
}
