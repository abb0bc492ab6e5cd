package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** Needle type (STRICTA item 2g): diameter (gauge), length, material and manufacturer. */
@Embeddable
public class NeedleType {

    @Column(name = "needle_diameter_mm", nullable = false, precision = 4, scale = 2)
    public BigDecimal diameterMm;

    @Column(name = "needle_length_mm", nullable = false)
    public int lengthMm;

    @Enumerated(EnumType.STRING)
    @Column(name = "needle_material", nullable = false)
    public NeedleMaterial material;

    @Column(name = "needle_manufacturer")
    public String manufacturer;
}
