package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One acupoint needled in a session (STRICTA items 2b-2c): WHO code, side and insertion depth. */
@Embeddable
public class NeedledPoint {

    @Column(nullable = false)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedleSide side;

    @Column(name = "depth_mm", nullable = false)
    public int depthMm;

    public NeedledPoint() {}

    public NeedledPoint(String code, NeedleSide side, int depthMm) {
        this.code = code;
        this.side = side;
        this.depthMm = depthMm;
    }

    /** Needles this point needs at least: two when needled on both sides. */
    public int minimumInsertions() {
        return side == NeedleSide.BILATERAL ? 2 : 1;
    }
}
