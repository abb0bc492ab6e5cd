package org.meridian.intake.fhir;

import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeSystem;
import org.meridian.intake.domain.Acupoint;
import org.meridian.intake.domain.AdverseEventType;
import org.meridian.intake.domain.NeedleSide;
import org.meridian.platform.fhir.CodeSystems;

/**
 * Meridian's local code systems used by intake's resources, as CodeSystem resources (complete, so a validator can
 * check every code and display): WHO acupoints from the shipped catalogue, needle sides and adverse event types.
 */
public final class IntakeCodeSystems {

    private IntakeCodeSystems() {}

    public static List<CodeSystem> all(List<Acupoint> acupoints) {
        return List.of(acupoints(acupoints), needleSides(), adverseEventTypes());
    }

    public static CodeSystem acupoints(List<Acupoint> acupoints) {
        CodeSystem system = base(
                "who-acupoint",
                MeridianFhir.ACUPOINT_SYSTEM,
                "WhoAcupoint",
                "WHO standard acupuncture point locations",
                "The 361 points of the 14 meridians and the 48 extra points of the WHO Standard Acupuncture Point"
                        + " Locations in the Western Pacific Region (2008): alphanumeric code and Pinyin name.");
        for (Acupoint point : acupoints) {
            system.addConcept()
                    .setCode(point.code())
                    .setDisplay(AcupointDisplay.of(point))
                    .setDefinition(point.name() + ", " + point.meridianName() + (point.midline() ? " (midline)" : ""));
        }
        return system.setCount(system.getConcept().size());
    }

    public static CodeSystem needleSides() {
        CodeSystem system = base(
                "needle-side",
                MeridianFhir.NEEDLE_SIDE_SYSTEM,
                "NeedleSide",
                "Needle side",
                "Where an acupoint was needled (STRICTA 2b): on one side, both, or on the midline (unpaired points).");
        for (NeedleSide side : NeedleSide.values()) {
            system.addConcept().setCode(side.name()).setDisplay(label(side.name()));
        }
        return system.setCount(system.getConcept().size());
    }

    public static CodeSystem adverseEventTypes() {
        CodeSystem system = base(
                "adverse-event-type",
                MeridianFhir.ADVERSE_EVENT_TYPE_SYSTEM,
                "AdverseEventType",
                "Adverse event after needling",
                "The adverse events Meridian records after an acupuncture session.");
        for (AdverseEventType type : AdverseEventType.values()) {
            system.addConcept().setCode(type.name()).setDisplay(adverseEventDisplay(type));
        }
        return system.setCount(system.getConcept().size());
    }

    static String adverseEventDisplay(AdverseEventType type) {
        return switch (type) {
            case BRUISING -> "Bruising";
            case BLEEDING -> "Bleeding";
            case SORENESS -> "Soreness";
            case DIZZINESS_SYNCOPE -> "Dizziness or syncope";
            case OTHER -> "Other adverse event";
        };
    }

    /** LEFT -> "Left", TUINA_MASSAGE -> "Tuina massage". */
    static String label(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static CodeSystem base(String id, String url, String name, String title, String description) {
        return CodeSystems.complete(id, url, "1.0", name, title, description);
    }

    /** The display of an acupoint code: its Pinyin name and code, e.g. "Shenshu (BL23)". */
    static final class AcupointDisplay {

        private AcupointDisplay() {}

        static String of(Acupoint point) {
            return point.name() + " (" + point.code() + ")";
        }
    }
}
