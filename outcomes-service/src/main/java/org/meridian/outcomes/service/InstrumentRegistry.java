package org.meridian.outcomes.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.meridian.outcomes.config.ScoringConfig;
import org.meridian.outcomes.scoring.ScoringEngine;
import org.meridian.outcomes.scoring.change.ChangeCalculator;
import org.meridian.outcomes.scoring.instrument.CatalogueSettings;
import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

/** The deployment's instrument catalogue (policy limits from configuration) and the stateless scoring tools. */
@ApplicationScoped
public class InstrumentRegistry {

    private final InstrumentCatalogue catalogue;
    private final ScoringEngine engine = new ScoringEngine();
    private final ChangeCalculator changeCalculator = new ChangeCalculator();

    InstrumentRegistry(ScoringConfig scoring) {
        this.catalogue = InstrumentCatalogue.withSettings(new CatalogueSettings(
                scoring.odiMaxMissingSections(), scoring.promisPainInterferenceMcid(), scoring.issMcid()));
    }

    public List<InstrumentDefinition> all() {
        return catalogue.all();
    }

    public Optional<InstrumentDefinition> find(String code, String version) {
        return catalogue.find(code, version);
    }

    public Optional<InstrumentDefinition> findCurrent(String code) {
        return catalogue.findCurrent(code);
    }

    /** Whether {@code version} is the current one of its code (the one clients get when they name only the code). */
    public boolean isCurrent(InstrumentDefinition definition) {
        return findCurrent(definition.code())
                .map(current -> current.version().equals(definition.version()))
                .orElse(false);
    }

    public ScoringEngine engine() {
        return engine;
    }

    public ChangeCalculator changeCalculator() {
        return changeCalculator;
    }
}
