package org.meridian.intake.fhir;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.platform.fhir.FhirDates;

/**
 * A session's adverse event as a FHIR AdverseEvent: actual, the event in Meridian's adverse-event-type code system,
 * HL7 seriousness and severity, the session's Procedure as the suspect entity.
 */
final class AdverseEventMapper {

    private static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";

    private AdverseEventMapper() {}

    static AdverseEvent toResource(org.meridian.intake.domain.AdverseEvent event, TreatmentSession session) {
        AdverseEvent resource = new AdverseEvent();
        resource.setId(event.id.toString());
        resource.getMeta()
                .setVersionId(Long.toString(event.version))
                .setLastUpdatedElement(FhirDates.instant(event.recordedAt));
        resource.setActuality(AdverseEventActuality.ACTUAL);
        CodeableConcept code = new CodeableConcept()
                .addCoding(new Coding(
                        MeridianFhir.ADVERSE_EVENT_TYPE_SYSTEM,
                        event.type.name(),
                        IntakeCodeSystems.adverseEventDisplay(event.type)));
        // R4's AdverseEvent has no note: the description and the action taken travel in the event's text.
        String text = event.description == null ? IntakeCodeSystems.adverseEventDisplay(event.type) : event.description;
        code.setText(event.actionTaken == null ? text : text + " (action taken: " + event.actionTaken + ")");
        resource.setEvent(code);
        resource.setSubject(new Reference("Patient/" + session.patientId));
        resource.setDateElement(FhirDates.dateTime(session.startedAt));
        resource.setRecordedDateElement(FhirDates.dateTime(event.recordedAt));
        resource.setSeriousness(new CodeableConcept()
                .addCoding(
                        event.serious
                                ? new Coding(SERIOUSNESS, "Serious", "Serious")
                                : new Coding(SERIOUSNESS, "Non-serious", "Non-serious")));
        resource.setSeverity(new CodeableConcept()
                .addCoding(
                        switch (event.severity) {
                            case MILD -> new Coding(SEVERITY, "mild", "Mild");
                            case MODERATE -> new Coding(SEVERITY, "moderate", "Moderate");
                            case SEVERE -> new Coding(SEVERITY, "severe", "Severe");
                        }));
        resource.addSuspectEntity()
                .setInstance(new Reference("Procedure/" + session.id)
                        .setDisplay("Acupuncture session " + session.sessionNumber));
        return resource;
    }
}
