package org.meridian.outcomes.research;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cohort attribute that aggregates can be grouped by (all of them can also filter), with the values it can take:
 * intake's enums (docs/events.md), plus {@link #NOT_RECORDED} for a patient without that attribute or with a value
 * outside them. A grouped table lists every value whatever the data, so that which cells it lists reveals nothing.
 */
public enum GroupDimension {
    CLINIC("clinicId", "p.clinic_id::text", null),
    /** The patient's whole set of pain sites, so that groups partition the cohort (a patient is in one group). */
    PAIN_SITES("painSites", "p.pain_sites", painSiteSets()),
    CHRONICITY("chronicity", "p.chronicity", List.of("CHRONIC", "NOT_CHRONIC")),
    AGE_BAND("ageBand", "p.age_band", List.of("0-17", "18-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+")),
    SEX("sex", "p.sex", List.of("FEMALE", "MALE", "OTHER", "UNKNOWN"));

    /** The group of patients without the attribute, or with a value outside the known ones. */
    public static final String NOT_RECORDED = "NOT_RECORDED";

    private final String jsonName;
    private final String column;
    private final List<String> values;

    GroupDimension(String jsonName, String column, List<String> values) {
        this.jsonName = jsonName;
        this.column = column;
        this.values = values;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Every group of this dimension, {@link #NOT_RECORDED} last; null for clinics (the query or the data says which). */
    public List<String> domain() {
        if (values == null) {
            return null;
        }
        List<String> domain = new ArrayList<>(values);
        domain.add(NOT_RECORDED);
        return domain;
    }

    /** The SQL expression of the group over the patient projection (alias p): constants only, never user input. */
    String groupExpression() {
        if (values == null) {
            return column;
        }
        return "CASE WHEN " + column + " IN ("
                + values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", ")) + ") THEN " + column
                + " ELSE '" + NOT_RECORDED + "' END";
    }

    /**
     * Every set of pain sites intake records (an EnumSet: low back and/or upper back, at most one sciatica), as the
     * projection stores it: comma-separated in the enum's order.
     */
    private static List<String> painSiteSets() {
        List<String> sets = new ArrayList<>();
        for (String back : List.of("LOW_BACK", "UPPER_BACK", "LOW_BACK,UPPER_BACK", "")) {
            for (String sciatica : List.of("", "SCIATICA_LEFT", "SCIATICA_RIGHT", "SCIATICA_BILATERAL")) {
                String set = back.isEmpty() ? sciatica : sciatica.isEmpty() ? back : back + "," + sciatica;
                if (!set.isEmpty()) {
                    sets.add(set);
                }
            }
        }
        return List.copyOf(sets);
    }
}
