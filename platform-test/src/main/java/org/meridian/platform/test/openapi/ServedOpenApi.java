package org.meridian.platform.test.openapi;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;

/** The OpenAPI document the service under test serves, as the shared tests read it. */
public final class ServedOpenApi {

    /** The keys of a path item that are operations (the rest are parameters, summaries and the like). */
    public static final List<String> OPERATION_METHODS = List.of("get", "post", "put", "patch", "delete");

    private ServedOpenApi() {}

    public static JsonPath document() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
