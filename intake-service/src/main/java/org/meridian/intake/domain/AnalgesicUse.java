package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One analgesic the patient currently takes, and on how many days a week. */
@Embeddable
public class AnalgesicUse {

    @Enumerated(EnumType.STRING)
    @Column(name = "drug_class", nullable = false)
    public AnalgesicClass drugClass;

    @Column(name = "days_per_week", nullable = false)
    public int daysPerWeek;

    public String name;

    public AnalgesicUse() {}

    public AnalgesicUse(AnalgesicClass drugClass, int daysPerWeek, String name) {
        this.drugClass = drugClass;
        this.daysPerWeek = daysPerWeek;
        this.name = name;
    }
}
