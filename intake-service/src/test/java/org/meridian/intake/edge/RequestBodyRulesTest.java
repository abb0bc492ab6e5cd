package org.meridian.intake.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.TableCounts;
import org.meridian.platform.test.edge.AbstractRequestBodyRulesTest;
import org.meridian.platform.test.edge.DocumentedOperations.Operation;
import org.meridian.platform.test.security.TestTokens;

/** The body rules on intake's operations; a lone UTF-16 surrogate was stored as '?' (issue #13). */
@QuarkusTest
class RequestBodyRulesTest extends AbstractRequestBodyRulesTest {

    @Inject
    TableCounts counts;

    @Override
    protected String newClinic() {
        return Fixtures.clinic();
    }

    @Override
    protected List<String> expectedOperationsWithBody() {
        return List.of("POST " + Fixtures.API + "/clinics/{clinicId}/patients", "POST /fhir/r4/Patient");
    }

    @Override
    protected long storedRows(String clinic) {
        return counts.rows("patient", clinic);
    }

    @Override
    protected Operation jsonCreate() {
        return new Operation("POST", Fixtures.API + "/clinics/{clinicId}/patients", true);
    }

    @Override
    protected String jsonCreateBody() {
        return "{\"name\": \"x\"}";
    }

    @Override
    protected String fhirCreateType() {
        return "Patient";
    }

    @Test
    void acceptsABodyJustUnderTheLimit() {
        char[] padding = new char[LIMIT - 200];
        Arrays.fill(padding, ' ');
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Padded Clinic\", \"timeZone\": \"Europe/London\"}" + new String(padding))
                .when()
                .post(Fixtures.API + "/clinics")
                .then()
                .statusCode(201);
    }

    @Test
    void refusesAnUnpairedSurrogateNamingTheField() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Harbour \\ud800 Clinic\", \"timeZone\": \"Europe/London\"}")
                .when()
                .post(Fixtures.API + "/clinics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("surrogate"));
        String clinic = Fixtures.clinic();
        Fixtures.asStaffOf(clinic)
                .contentType(ContentType.JSON)
                .body(
                        "{\"givenName\": \"Ann\", \"familyName\": \"Lee\", \"dateOfBirth\": \"1980-01-02\", \"sex\": \"FEMALE\","
                                + " \"identifiers\": [{\"system\": \"https://ehr.example/mrn\", \"value\": \"MRN-\\udc01\"}]}")
                .when()
                .post(Fixtures.API + "/clinics/" + clinic + "/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("identifiers[0].value"));
        given().contentType("application/fhir+json")
                .auth()
                .oauth2(TestTokens.staff(UUID.fromString(clinic)))
                .body("{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Lee\\ud800\", \"given\": [\"Ann\"]}]}")
                .when()
                .post("/fhir/r4/Patient")
                .then()
                .statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("name[0].family"));
    }

    @Test
    void keepsAPairedSurrogate() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Harbour \\ud83c\\udf3f Clinic\", \"timeZone\": \"Europe/London\"}")
                .when()
                .post(Fixtures.API + "/clinics")
                .then()
                .statusCode(201)
                .body("name", equalTo("Harbour \uD83C\uDF3F Clinic"));
    }
}
