package org.meridian.outcomes.research.export;

/** How an export is written: CSV with a header line, or one JSON object per line. */
public enum ExportFormat {
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
