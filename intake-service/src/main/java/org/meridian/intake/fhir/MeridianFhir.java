package org.meridian.intake.fhir;

import org.meridian.platform.fhir.FhirJson;

/** Meridian's canonical URLs, identifier systems and local code systems for FHIR R4 (intake's resources). */
public final class MeridianFhir {

    public static final String MEDIA_TYPE = FhirJson.MEDIA_TYPE;
    public static final String CANONICAL_BASE = "https://meridian.example/fhir";
    /** The pseudonymous id outcomes-service knows the patient by; the same system as outcomes' references. */
    public static final String PSEUDONYM_SYSTEM = CANONICAL_BASE + "/sid/pseudonym-id";
    /** WHO standard acupuncture point codes (BL23, GV4, EX-B2) with their Pinyin names. */
    public static final String ACUPOINT_SYSTEM = CANONICAL_BASE + "/CodeSystem/who-acupoint";
    /** The side a point was needled on: LEFT, RIGHT, BILATERAL, MIDLINE. */
    public static final String NEEDLE_SIDE_SYSTEM = CANONICAL_BASE + "/CodeSystem/needle-side";
    /** Meridian's adverse event types after needling: BRUISING, BLEEDING, SORENESS, DIZZINESS_SYNCOPE, OTHER. */
    public static final String ADVERSE_EVENT_TYPE_SYSTEM = CANONICAL_BASE + "/CodeSystem/adverse-event-type";
    /** Extension on Procedure.bodySite: the side of an acupoint (valueCoding in {@link #NEEDLE_SIDE_SYSTEM}). */
    public static final String NEEDLE_SIDE_EXTENSION = CANONICAL_BASE + "/StructureDefinition/needle-side";

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private MeridianFhir() {}
}
