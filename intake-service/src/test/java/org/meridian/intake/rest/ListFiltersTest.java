package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.platform.test.security.TestTokens;

/** The clinic and practitioner lists filter in the database, combined with paging and the caller's clinic. */
@QuarkusTest
class ListFiltersTest {

    private static final String CLINICS = "/api/v1/intake/clinics";

    @Inject
    EntityManager entityManager;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void filtersClinicsByNameRegistrationAndActive() {
        String harbour = clinic("Harbour Acupuncture " + marker, "REG-" + marker + "-1");
        String northHarbour = clinic("North HARBOUR Clinic " + marker, "REG-" + marker + "-2");
        String hill = clinic("Hill Clinic " + marker, null);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update intake.clinic set active = false where id = cast(:id as uuid)")
                        .setParameter("id", northHarbour)
                        .executeUpdate());

        asAdmin()
                .queryParam("name", "ACUPUNCTURE " + marker)
                .get(CLINICS)
                .then()
                .statusCode(200)
                .body("items.id", contains(harbour))
                .body("totalItems", equalTo(1));
        asAdmin()
                .queryParam("name", "north harbour clinic " + marker)
                .get(CLINICS)
                .then()
                .body("items.id", contains(northHarbour));
        asAdmin()
                .queryParam("name", marker)
                .get(CLINICS)
                .then()
                .statusCode(200)
                .body("items.id", contains(harbour, northHarbour, hill))
                .body("totalItems", equalTo(3));
        asAdmin()
                .queryParam("name", marker)
                .queryParam("active", "false")
                .get(CLINICS)
                .then()
                .body("items.id", contains(northHarbour));
        asAdmin()
                .queryParam("name", marker)
                .queryParam("active", "true")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get(CLINICS)
                .then()
                .body("items.id", contains(hill))
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2));
        asAdmin()
                .queryParam("registrationNumber", "REG-" + marker + "-2")
                .get(CLINICS)
                .then()
                .body("items.id", contains(northHarbour));
        // exact, not a prefix
        asAdmin()
                .queryParam("registrationNumber", "REG-" + marker)
                .get(CLINICS)
                .then()
                .body("items", empty());
        // LIKE wildcards are taken literally
        asAdmin().queryParam("name", "%" + marker).get(CLINICS).then().body("items", empty());
    }

    @Test
    void filtersTheClinicsPractitionersByNameLicenceAndActive() {
        String clinicId = Fixtures.clinic();
        String otherClinic = Fixtures.clinic();
        String chen = practitioner(clinicId, "Wei", "Chen", "LIC-A-" + marker, true);
        String chenault = practitioner(clinicId, "Anne", "Chenault", "LIC-B-" + marker, false);
        String lin = practitioner(clinicId, "Mei", "Lin", "LIC-C-" + marker, true);
        practitioner(otherClinic, "Wei", "Chen", "LIC-A-" + marker, true);
        String practitioners = CLINICS + "/" + clinicId + "/practitioners";

        Fixtures.asStaffOf(clinicId)
                .queryParam("name", "CHEN")
                .get(practitioners)
                .then()
                .statusCode(200)
                .body("items.id", contains(chen, chenault))
                .body("totalItems", equalTo(2));
        Fixtures.asStaffOf(clinicId)
                .queryParam("name", "wei chen")
                .get(practitioners)
                .then()
                .body("items.id", contains(chen));
        Fixtures.asStaffOf(clinicId)
                .queryParam("name", "chen")
                .queryParam("active", "true")
                .get(practitioners)
                .then()
                .body("items.id", contains(chen));
        Fixtures.asStaffOf(clinicId)
                .queryParam("active", "false")
                .get(practitioners)
                .then()
                .body("items.id", contains(chenault));
        Fixtures.asStaffOf(clinicId)
                .queryParam("licenceNumber", "LIC-C-" + marker)
                .get(practitioners)
                .then()
                .body("items.id", contains(lin));
        Fixtures.asStaffOf(clinicId)
                .queryParam("licenceNumber", "")
                .queryParam("name", "")
                .get(practitioners)
                .then()
                .body("items.id", containsInAnyOrder(chen, chenault, lin));
        // another clinic's staff do not see this clinic's practitioners, filtered or not
        Fixtures.asStaffOf(otherClinic)
                .queryParam("name", "chen")
                .get(practitioners)
                .then()
                .statusCode(404);
    }

    @Test
    void refusesFiltersOutOfBoundsNamingTheParameterAndItsCode() {
        asAdmin()
                .queryParam("name", "x".repeat(201))
                .get(CLINICS)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors.field", contains("name"))
                .body("errors.code", contains("too_long"));
        asAdmin()
                .queryParam("registrationNumber", "x".repeat(65))
                .get(CLINICS)
                .then()
                .statusCode(400)
                .body("errors.field", contains("registrationNumber"))
                .body("errors.code", contains("too_long"));
        asAdmin()
                .queryParam("active", "maybe")
                .get(CLINICS)
                .then()
                .statusCode(400)
                .body("errors.field", contains("active"))
                .body("errors.code", contains("invalid_format"));
        String clinicId = Fixtures.clinic();
        Fixtures.asStaffOf(clinicId)
                .queryParam("licenceNumber", "x".repeat(65))
                .queryParam("active", "yes")
                .get(CLINICS + "/" + clinicId + "/practitioners")
                .then()
                .statusCode(400)
                .body("errors.field", contains("licenceNumber"))
                .body("errors.code", contains("too_long"));
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static String clinic(String name, String registrationNumber) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "registrationNumber": %s, "timeZone": "Europe/London"}
                        """.formatted(name, registrationNumber == null ? "null" : "\"" + registrationNumber + "\""))
                .post(CLINICS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String practitioner(
            String clinicId, String givenName, String familyName, String licence, boolean active) {
        return Fixtures.asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName": "%s", "familyName": "%s", "licenceNumber": "%s",
                         "profession": "ACUPUNCTURIST", "active": %s}
                        """.formatted(givenName, familyName, licence, active))
                .post(CLINICS + "/" + clinicId + "/practitioners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
