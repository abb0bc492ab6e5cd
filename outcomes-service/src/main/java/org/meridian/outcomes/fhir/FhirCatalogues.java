package org.meridian.outcomes.fhir;

import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;
import org.meridian.outcomes.service.InstrumentRegistry;

final class FhirCatalogues {

    private FhirCatalogues() {}

    /** The deployment's catalogue (policy limits from configuration), in registration order. */
    static FhirCatalogue of(InstrumentRegistry registry) {
        return new FhirCatalogue(new InstrumentCatalogue(registry.all()));
    }
}
