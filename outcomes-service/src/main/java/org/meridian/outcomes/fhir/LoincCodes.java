package org.meridian.outcomes.fhir;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;
import org.meridian.outcomes.scoring.instrument.LoincCode;

/**
 * Which of an instrument's LOINC codes (all from docs/scoring.md#licences-and-loinc-codes, held by the catalogue)
 * names the questionnaire, an item
 * or the primary score. A code is only ever used when the instrument's own definition lists it, so none is invented.
 * Displays are left out: LOINC's official display text is not in the catalogue, and a wrong one is worse than none.
 */
final class LoincCodes {

    private static final String NRS_RATING = "72514-3";
    private static final Map<String, String> PANEL = Map.of(InstrumentCodes.PEG, "91148-7");
    private static final Map<String, String> SCORE = Map.of(
            InstrumentCodes.NRS_BACK_PAIN,
            NRS_RATING,
            InstrumentCodes.NRS_LEG_PAIN,
            NRS_RATING,
            InstrumentCodes.PEG,
            "91147-9",
            InstrumentCodes.STARTBACK,
            "91351-7");

    private LoincCodes() {}

    static Optional<LoincCode> panel(InstrumentDefinition instrument) {
        return listed(instrument, PANEL.get(instrument.code()));
    }

    static Optional<LoincCode> score(InstrumentDefinition instrument) {
        return listed(instrument, SCORE.get(instrument.code()));
    }

    /** The item's own code; a single-item NRS is the 0-10 numeric rating itself. */
    static Optional<String> item(InstrumentDefinition instrument, ItemDefinition item) {
        if (item.loincCode().isPresent()) {
            return item.loincCode();
        }
        if (instrument.items().size() == 1) {
            return listed(instrument, SCORE.get(instrument.code())).map(LoincCode::code);
        }
        return Optional.empty();
    }

    static Coding coding(String code) {
        return new Coding().setSystem(MeridianFhir.LOINC).setCode(code);
    }

    static CodeableConcept concept(LoincCode code) {
        return new CodeableConcept().addCoding(coding(code.code())).setText(code.meaning());
    }

    private static Optional<LoincCode> listed(InstrumentDefinition instrument, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return instrument.loincCodes().stream()
                .filter(loinc -> loinc.code().equals(code))
                .findFirst();
    }
}
