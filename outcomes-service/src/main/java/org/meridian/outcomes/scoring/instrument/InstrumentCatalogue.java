package org.meridian.outcomes.scoring.instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Every instrument version Meridian can render and score, looked up by (code, version). */
public final class InstrumentCatalogue {

    private final List<InstrumentDefinition> definitions;

    public InstrumentCatalogue(List<InstrumentDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        if (this.definitions.size() > InstrumentLimits.INSTRUMENTS) {
            throw new IllegalArgumentException("more than " + InstrumentLimits.INSTRUMENTS + " instrument versions");
        }
        Set<String> keys = new HashSet<>();
        for (InstrumentDefinition definition : this.definitions) {
            if (!keys.add(definition.code() + "\u0000" + definition.version())) {
                throw new IllegalArgumentException("duplicate instrument " + definition.label());
            }
        }
    }

    /** The catalogue with Meridian's default policy. */
    public static InstrumentCatalogue standard() {
        return withSettings(CatalogueSettings.DEFAULTS);
    }

    public static InstrumentCatalogue withSettings(CatalogueSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new InstrumentCatalogue(List.of(
                NrsInstruments.backPain(),
                NrsInstruments.legPain(),
                OdiInstrument.create(settings.odiMaxMissingSections()),
                RmdqInstrument.create(),
                PegInstrument.create(),
                StartBackInstrument.create(),
                PromisPainInterferenceInstrument.create(settings.promisPainInterferenceMcid()),
                PgicInstrument.create(),
                ImpactStratificationInstrument.create(settings.issMcid()),
                VasInstrument.create()));
    }

    public List<InstrumentDefinition> all() {
        return definitions;
    }

    public Optional<InstrumentDefinition> find(String code, String version) {
        return definitions.stream()
                .filter(definition ->
                        definition.code().equals(code) && definition.version().equals(version))
                .findFirst();
    }

    /** The version to use when a client names only the instrument: the last one registered for the code. */
    public Optional<InstrumentDefinition> findCurrent(String code) {
        return definitions.stream()
                .filter(definition -> definition.code().equals(code))
                .reduce((earlier, later) -> later);
    }
}
