package org.meridian.outcomes.research;

/** A cohort attribute that aggregates can be grouped by (all of them can also filter). */
public enum GroupDimension {
    CLINIC("clinicId", "p.clinic_id::text"),
    /** The patient's whole set of pain sites, so that groups partition the cohort (a patient is in one group). */
    PAIN_SITES("painSites", "p.pain_sites"),
    CHRONICITY("chronicity", "p.chronicity"),
    AGE_BAND("ageBand", "p.age_band"),
    SEX("sex", "p.sex");

    private final String jsonName;
    private final String column;

    GroupDimension(String jsonName, String column) {
        this.jsonName = jsonName;
        this.column = column;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The SQL expression over the patient projection (alias p); a constant, never user input. */
    String column() {
        return column;
    }
}
