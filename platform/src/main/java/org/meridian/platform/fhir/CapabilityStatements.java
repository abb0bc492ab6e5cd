package org.meridian.platform.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalDeleteStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalReadStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The parts every service's CapabilityStatement shares: a FHIR R4 JSON server secured by bearer tokens, whose
 * resource types are read-only unless said otherwise. Each service lists its own resource types; both statements are
 * standard, so the gateway can merge their rest.resource lists.
 */
public final class CapabilityStatements {

    public static final String CANONICAL_BASE = "https://meridian.example/fhir";
    public static final String PAGING = " Paging: _count (1-100, default 20) and _page (zero-based, 0-100000).";
    private static final String SPEC = "http://hl7.org/fhir/SearchParameter/";

    private CapabilityStatements() {}

    private static final String SECURITY_SERVICES = "http://terminology.hl7.org/CodeSystem/restful-security-service";
    private static final String SMART_RULE = "SMART App Launch 2.x: every interaction needs a patient/, user/ or"
            + " system/ scope granting it on its type (e.g. user/Observation.rs); scopes only narrow what the role"
            + " allows, and patient/ scopes reach only the patient in launch context. Sign-in endpoints and scopes:"
            + " [base]/.well-known/smart-configuration";

    /**
     * A server statement for one service ({@code intake}: id intake, name MeridianIntake, "Meridian intake-service"),
     * with one rest component whose security is {@code security}.
     */
    public static CapabilityStatement server(String service, String description, String security, Date published) {
        String title = "Meridian " + service + "-service";
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId(service);
        statement.setUrl(CANONICAL_BASE + "/CapabilityStatement/" + service);
        statement.setName("Meridian" + Character.toUpperCase(service.charAt(0)) + service.substring(1));
        statement.setTitle(title + " FHIR R4 API");
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setExperimental(false);
        statement.setDate(published);
        statement.setPublisher("Meridian");
        statement.setDescription(description);
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.getImplementation().setDescription(title);
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat(FhirJson.MEDIA_TYPE);
        statement.addFormat("json");
        statement
                .addRest()
                .setMode(RestfulCapabilityMode.SERVER)
                .getSecurity()
                .setCors(true)
                .setDescription(security)
                .addService(new CodeableConcept(new Coding(SECURITY_SERVICES, "OAuth", "OAuth")))
                .addService(new CodeableConcept(new Coding(SECURITY_SERVICES, "SMART-on-FHIR", "SMART-on-FHIR"))
                        .setText(SMART_RULE));
        return statement;
    }

    /**
     * Every resource type is read-only apart from create: no update, delete or history, conditional or not. Said
     * explicitly, so that no client infers support from a missing flag; a type that has a create sets
     * conditionalCreate again.
     */
    public static CapabilityStatementRestResourceComponent readOnly(CapabilityStatementRestResourceComponent resource) {
        return resource.setReadHistory(false)
                .setUpdateCreate(false)
                .setConditionalCreate(false)
                .setConditionalUpdate(false)
                .setConditionalRead(ConditionalReadStatus.NOTSUPPORTED)
                .setConditionalDelete(ConditionalDeleteStatus.NOTSUPPORTED);
    }

    public static void interactions(
            CapabilityStatementRestResourceComponent resource, TypeRestfulInteraction... interactions) {
        for (TypeRestfulInteraction interaction : interactions) {
            resource.addInteraction().setCode(interaction);
        }
    }

    /** A search parameter the FHIR specification defines ({@code definition}: its id, e.g. clinical-patient). */
    public static void param(
            CapabilityStatementRestResourceComponent resource,
            String name,
            SearchParamType type,
            String definition,
            String documentation) {
        resource.addSearchParam()
                .setName(name)
                .setType(type)
                .setDefinition(SPEC + definition)
                .setDocumentation(documentation);
    }
}
