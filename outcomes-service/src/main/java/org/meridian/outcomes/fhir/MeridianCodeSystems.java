package org.meridian.outcomes.fhir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.scoring.instrument.RecallPeriod;
import org.meridian.outcomes.scoring.result.IssGroup;
import org.meridian.outcomes.scoring.result.OdiBand;
import org.meridian.outcomes.scoring.result.PgicCategory;
import org.meridian.outcomes.scoring.result.PromisSeverity;
import org.meridian.outcomes.scoring.result.StartBackRisk;
import org.meridian.platform.fhir.CodeSystems;

/**
 * The CodeSystem resources behind Meridian's local codes, built from the same tables the mappers use, so that a
 * validator (or an EHR) can check every local code Meridian emits.
 */
public final class MeridianCodeSystems {

    private static final String VERSION = "1";

    private MeridianCodeSystems() {}

    public static List<CodeSystem> all() {
        return List.of(scores(), scoreComponents(), scoreBands(), timepoints(), recallPeriods());
    }

    static CodeSystem scores() {
        CodeSystem system = codeSystem(
                "score",
                MeridianFhir.SCORE_SYSTEM,
                "MeridianScore",
                "Meridian scores",
                "The primary score of each instrument Meridian scores, whether or not LOINC has a code for it.");
        ScoreCodes.SCORES.values().stream()
                .sorted((left, right) -> left.code().compareTo(right.code()))
                .forEach(concept -> system.addConcept().setCode(concept.code()).setDisplay(concept.display()));
        return system;
    }

    static CodeSystem scoreComponents() {
        CodeSystem system = codeSystem(
                "score-component",
                MeridianFhir.SCORE_COMPONENT_SYSTEM,
                "MeridianScoreComponent",
                "Meridian score components",
                "Subscales, counts, bands and categories reported alongside a primary score.");
        for (ScoreCodes.Concept concept : ScoreCodes.COMPONENTS) {
            system.addConcept().setCode(concept.code()).setDisplay(concept.display());
        }
        return system;
    }

    static CodeSystem scoreBands() {
        CodeSystem system = codeSystem(
                "score-band",
                MeridianFhir.SCORE_BAND_SYSTEM,
                "MeridianScoreBand",
                "Meridian score bands",
                "The result tokens of Meridian's scoring rules: ODI bands, STarT Back risk,"
                        + " PROMIS severity, PGIC categories and ISS groups.");
        Set<String> tokens = new LinkedHashSet<>();
        Stream.of(
                        OdiBand.values(),
                        StartBackRisk.values(),
                        PromisSeverity.values(),
                        PgicCategory.values(),
                        IssGroup.values())
                .flatMap(Stream::of)
                .map(Enum::name)
                .forEach(tokens::add);
        tokens.forEach(token -> system.addConcept().setCode(token).setDisplay(ScoreCodes.tokenDisplay(token)));
        return system;
    }

    static CodeSystem timepoints() {
        CodeSystem system = codeSystem(
                "timepoint",
                MeridianFhir.TIMEPOINT_SYSTEM,
                "MeridianTimepoint",
                "Meridian assessment timepoints",
                "When in a course of care an assessment was answered.");
        for (Timepoint timepoint : Timepoint.values()) {
            system.addConcept().setCode(timepoint.name()).setDisplay(ScoreCodes.tokenDisplay(timepoint.name()));
        }
        return system;
    }

    static CodeSystem recallPeriods() {
        CodeSystem system = codeSystem(
                "recall-period",
                MeridianFhir.RECALL_PERIOD_SYSTEM,
                "MeridianRecallPeriod",
                "Meridian recall periods",
                "The period an answer refers to.");
        for (RecallPeriod period : RecallPeriod.values()) {
            system.addConcept().setCode(period.name()).setDisplay(ScoreCodes.tokenDisplay(period.name()));
        }
        return system;
    }

    private static CodeSystem codeSystem(String id, String url, String name, String title, String description) {
        return CodeSystems.complete(id, url, VERSION, name, title, description);
    }
}
