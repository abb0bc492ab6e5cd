package org.meridian.outcomes.fhir;

import java.util.List;
import java.util.Optional;
import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

/** Finds instrument versions by their FHIR names: canonical URL (with or without {@code |version}) or logical id. */
public final class FhirCatalogue {

    private final InstrumentCatalogue catalogue;

    public FhirCatalogue(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<InstrumentDefinition> all() {
        return catalogue.all();
    }

    /** {@code url|version} names one version; a bare {@code url} names the current one. */
    public Optional<InstrumentDefinition> byCanonical(String canonical) {
        int bar = canonical.indexOf('|');
        String url = bar < 0 ? canonical : canonical.substring(0, bar);
        Optional<String> code = codeOfUrl(url);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return bar < 0 ? catalogue.findCurrent(code.get()) : catalogue.find(code.get(), canonical.substring(bar + 1));
    }

    public Optional<InstrumentDefinition> byId(String id) {
        return catalogue.all().stream()
                .filter(definition -> MeridianFhir.questionnaireId(definition.code(), definition.version())
                        .equals(id))
                .findFirst();
    }

    public Optional<InstrumentDefinition> find(String code, String version) {
        return catalogue.find(code, version);
    }

    public Optional<String> codeOfUrl(String url) {
        return catalogue.all().stream()
                .map(InstrumentDefinition::code)
                .filter(code -> MeridianFhir.questionnaireUrl(code).equals(url))
                .findFirst();
    }
}
