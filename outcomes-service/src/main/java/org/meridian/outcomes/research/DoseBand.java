package org.meridian.outcomes.research;

/** Sessions received by the follow-up answer, banded for the dose-response table. */
public enum DoseBand {
    NONE("0", 0, 0),
    SESSIONS_1_3("1-3", 1, 3),
    SESSIONS_4_6("4-6", 4, 6),
    SESSIONS_7_9("7-9", 7, 9),
    SESSIONS_10_12("10-12", 10, 12),
    SESSIONS_13_PLUS("13+", 13, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    DoseBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public static DoseBand ofLabel(String label) {
        for (DoseBand band : values()) {
            if (band.label.equals(label)) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown dose band " + label);
    }

    /** The SQL CASE that bands an integer expression into these labels. */
    static String sqlCase(String sessions) {
        StringBuilder sql = new StringBuilder("CASE");
        for (DoseBand band : values()) {
            sql.append(" WHEN ")
                    .append(sessions)
                    .append(" <= ")
                    .append(band.to == Integer.MAX_VALUE ? "2147483647" : band.to)
                    .append(" THEN '")
                    .append(band.label)
                    .append('\'');
        }
        return sql.append(" END").toString();
    }

    int from() {
        return from;
    }
}
