package org.meridian.outcomes.fhir;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.ScoringEngine;
import org.meridian.outcomes.scoring.ScoringOutcome;
import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;

/** Sample answers for every instrument (and what they score), shared by the mapper and validation tests. */
final class FhirSamples {

    static final InstrumentCatalogue CATALOGUE = InstrumentCatalogue.standard();
    static final FhirCatalogue FHIR_CATALOGUE = new FhirCatalogue(CATALOGUE);
    static final ScoringEngine ENGINE = new ScoringEngine();
    static final UUID PSEUDONYM = UUID.fromString("5a0c2b9e-8f1d-4c3b-9e2a-1d4f6b8c0e21");
    static final UUID SESSION = UUID.fromString("0e7d5c3b-1a2f-4e6d-8c9b-7a5f3e1d2c4b");
    static final Instant ANSWERED = Instant.parse("2026-11-20T09:30:00Z");
    static final Instant UPDATED = Instant.parse("2026-11-20T09:30:02Z");

    private FhirSamples() {}

    static List<InstrumentDefinition> instruments() {
        return CATALOGUE.all();
    }

    /**
     * Answers that exercise the options: item i gets option (i + 1) mod n, so different items get different codes;
     * ODI leaves one section unanswered, which its policy tolerates.
     */
    static Map<String, Integer> answers(InstrumentDefinition instrument) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<ItemDefinition> items = instrument.items();
        for (int index = 0; index < items.size(); index++) {
            ItemDefinition item = items.get(index);
            int option = (index + 1) % item.responseOptions().size();
            answers.put(item.code(), item.responseOptions().get(option).value());
        }
        if (instrument.scoringRule().maxMissingItems() > 0) {
            answers.put(items.getLast().code(), null);
        }
        return answers;
    }

    static Score score(InstrumentDefinition instrument, Map<String, ?> answers) {
        ScoringOutcome outcome = ENGINE.score(instrument, answers);
        if (!(outcome instanceof Score score)) {
            throw new IllegalStateException(instrument.label() + " sample does not score: " + outcome);
        }
        return score;
    }

    static StoredSubmission stored(InstrumentDefinition instrument, Map<String, Integer> answers, boolean draft) {
        UUID id = UUID.nameUUIDFromBytes(instrument.label().getBytes());
        return new StoredSubmission(
                id,
                0,
                PSEUDONYM,
                instrument.code(),
                instrument.version(),
                draft,
                answers,
                ANSWERED,
                UPDATED,
                SESSION,
                "POST_SESSION",
                null,
                instrument.recallPeriods().getFirst().name(),
                "app-" + id);
    }
}
