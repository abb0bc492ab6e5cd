package org.meridian.intake.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import org.meridian.intake.domain.Acupoint;
import org.meridian.intake.domain.CoIntervention;
import org.meridian.intake.domain.NeedledPoint;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.domain.SessionCancelReason;
import org.meridian.intake.domain.SessionStatus;
import org.meridian.intake.domain.Stimulation;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.platform.fhir.FhirDates;

/**
 * An acupuncture session as a FHIR Procedure with the session's id (outcomes' Observations reference
 * {@code Procedure/{sessionId}}). SNOMED CT 44868003 "Acupuncture"; each needled point is a bodySite coded in
 * Meridian's WHO acupoint code system, its side in an extension; the STRICTA details are the note.
 */
final class ProcedureMapper {

    static final Coding ACUPUNCTURE = new Coding(MeridianFhir.SNOMED, "44868003", "Acupuncture");

    private final Function<String, Optional<Acupoint>> acupoints;

    /** @param acupoints looks a WHO code up in the acupoint catalogue (AcupointCatalogue::find) */
    ProcedureMapper(Function<String, Optional<Acupoint>> acupoints) {
        this.acupoints = acupoints;
    }

    Procedure toResource(TreatmentSession session, Practitioner practitioner) {
        Procedure procedure = new Procedure();
        procedure.setId(session.id.toString());
        procedure
                .getMeta()
                .setVersionId(Long.toString(session.version))
                .setLastUpdatedElement(FhirDates.instant(session.updatedAt));
        if (session.status == SessionStatus.CANCELLED) {
            procedure.setStatus(
                    session.cancelReason == SessionCancelReason.RECORDED_IN_ERROR
                            ? ProcedureStatus.ENTEREDINERROR
                            : ProcedureStatus.NOTDONE);
            procedure.setStatusReason(new CodeableConcept().setText(cancellation(session)));
        } else {
            procedure.setStatus(ProcedureStatus.COMPLETED);
        }
        procedure.setCode(new CodeableConcept().addCoding(ACUPUNCTURE.copy()).setText("Acupuncture"));
        procedure.setSubject(new Reference("Patient/" + session.patientId));
        procedure.setPerformed(FhirDates.dateTime(session.startedAt));
        Reference actor = new Reference("Practitioner/" + session.practitionerId);
        if (practitioner != null) {
            actor.setDisplay(practitioner.givenName + " " + practitioner.familyName);
        }
        procedure.addPerformer().setActor(actor);
        for (NeedledPoint point : session.points) {
            procedure.addBodySite(bodySite(point));
        }
        procedure.addNote().setText(note(session));
        return procedure;
    }

    private CodeableConcept bodySite(NeedledPoint point) {
        CodeableConcept site = new CodeableConcept();
        Acupoint acupoint = acupoints.apply(point.code).orElse(null);
        Coding coding = site.addCoding().setSystem(MeridianFhir.ACUPOINT_SYSTEM).setCode(point.code);
        if (acupoint != null) {
            coding.setDisplay(IntakeCodeSystems.AcupointDisplay.of(acupoint));
        }
        site.addExtension(
                MeridianFhir.NEEDLE_SIDE_EXTENSION,
                new Coding(
                        MeridianFhir.NEEDLE_SIDE_SYSTEM,
                        point.side.name(),
                        IntakeCodeSystems.label(point.side.name())));
        site.setText(point.code + (acupoint == null ? "" : " " + acupoint.name()) + ", "
                + point.side.name().toLowerCase(Locale.ROOT) + ", " + point.depthMm + " mm");
        return site;
    }

    /** STRICTA in words: needles, points and depths, de qi, stimulation, retention, co-interventions, style. */
    static String note(TreatmentSession session) {
        List<String> parts = new ArrayList<>();
        parts.add("Session " + session.sessionNumber + ", " + IntakeCodeSystems.label(session.style.name()) + " style"
                + (session.styleDetails == null ? "" : " (" + session.styleDetails + ")"));
        parts.add(session.needleCount + " needles ("
                + session.needleType.diameterMm.stripTrailingZeros().toPlainString() + " x "
                + session.needleType.lengthMm + " mm, "
                + IntakeCodeSystems.label(session.needleType.material.name()).toLowerCase(Locale.ROOT)
                + (session.needleType.manufacturer == null ? "" : ", " + session.needleType.manufacturer) + ")");
        parts.add("points: "
                + String.join(
                        "; ",
                        session.points.stream()
                                .map(point -> point.code + " "
                                        + point.side.name().toLowerCase(Locale.ROOT) + " " + point.depthMm + " mm")
                                .toList()));
        parts.add(session.deQiElicited ? "de qi elicited" : "de qi not elicited");
        parts.add(
                session.stimulation == Stimulation.ELECTRO
                        ? "electro-acupuncture stimulation at " + session.electroFrequencyHz + " Hz"
                        : "manual stimulation");
        parts.add("needles retained " + session.retentionMinutes + " minutes");
        if (session.coInterventions.isEmpty()) {
            parts.add("no co-interventions");
        } else {
            parts.add("co-interventions: "
                    + String.join(
                            "; ",
                            session.coInterventions.stream()
                                    .map(ProcedureMapper::coIntervention)
                                    .toList()));
        }
        String text = String.join("; ", parts) + ".";
        return session.notes == null ? text : text + " Notes: " + session.notes;
    }

    private static String coIntervention(CoIntervention intervention) {
        String type = IntakeCodeSystems.label(intervention.type.name()).toLowerCase(Locale.ROOT);
        return intervention.details == null ? type : type + " (" + intervention.details + ")";
    }

    private static String cancellation(TreatmentSession session) {
        String reason = session.cancelReason == null
                ? "Cancelled"
                : "Cancelled: "
                        + IntakeCodeSystems.label(session.cancelReason.name()).toLowerCase(Locale.ROOT);
        return session.cancelNote == null ? reason : reason + " (" + session.cancelNote + ")";
    }
}
