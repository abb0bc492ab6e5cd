package org.meridian.outcomes.research;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResearchOpenApiTest {

    private static final String AGGREGATES = "'/api/v1/outcomes/research/aggregates'.get";
    private static final String EXPORT = "'/api/v1/outcomes/research/exports/assessments'.get";

    private static ValidatableResponse openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void documentsTheAggregateWithAnExampleAndProblemJsonErrors() {
        ValidatableResponse spec = openApi()
                .body(
                        "paths." + AGGREGATES + ".responses.'200'.content.'application/json'.examples.odi-by-sex.value",
                        notNullValue())
                .body(
                        "paths." + AGGREGATES + ".parameters.name",
                        hasItems(
                                "instrument",
                                "clinicId",
                                "painSite",
                                "chronicity",
                                "ageBand",
                                "sex",
                                "followUpWeeks",
                                "from",
                                "to",
                                "minSessions",
                                "groupBy"))
                .body("paths." + AGGREGATES + ".description", containsString("suppressed"))
                // found by Redocly's example check: the response names the dimensions as its groups' keys do
                .body(
                        "components.schemas.GroupKey.enum",
                        containsInAnyOrder(Arrays.stream(GroupDimension.values())
                                .map(GroupDimension::jsonName)
                                .toArray()));
        for (String status : new String[] {"400", "401", "403"}) {
            spec.body("paths." + AGGREGATES + ".responses.'" + status + "'.content", hasKey("application/problem+json"))
                    .body(
                            "paths." + AGGREGATES + ".responses.'" + status
                                    + "'.content.'application/problem+json'.examples",
                            notNullValue());
        }
    }

    @Test
    void documentsTheExportFormatsCursorHeaderAndErrors() {
        ValidatableResponse spec = openApi()
                .body("paths." + EXPORT + ".responses.'200'.content", hasKey("text/csv"))
                .body("paths." + EXPORT + ".responses.'200'.content", hasKey("application/x-ndjson"))
                .body("paths." + EXPORT + ".responses.'200'.headers", hasKey("X-Next-Since"))
                .body("paths." + EXPORT + ".responses.'200'.headers", hasKey("X-Withheld-Patients"))
                .body("paths." + EXPORT + ".responses.'200'.headers", hasKey("X-Clinic-Withheld-Patients"))
                .body("paths." + EXPORT + ".responses.'200'.headers", hasKey("X-Withheld-Rows"))
                .body(
                        "paths." + EXPORT + ".responses.'200'.content.'text/csv'.examples.csv.value",
                        containsString("patient,clinic"))
                .body("paths." + EXPORT + ".parameters.name", hasItems("project", "format", "since"));
        for (String status : new String[] {"400", "401", "403", "503"}) {
            spec.body("paths." + EXPORT + ".responses.'" + status + "'.content", hasKey("application/problem+json"));
        }
    }
}
