package io.iotseal.disclosure;

/** The three reports on an actively exploited vulnerability, Regulation (EU) 2024/2847 Art. 14(2). */
public enum CraStage {
    EARLY_WARNING("early-warning", "Regulation (EU) 2024/2847, Art. 14(2)(a)"),
    NOTIFICATION("notification", "Regulation (EU) 2024/2847, Art. 14(2)(b)"),
    FINAL_REPORT("final-report", "Regulation (EU) 2024/2847, Art. 14(2)(c)");

    private final String id;
    private final String legalBasis;

    CraStage(String id, String legalBasis) {
        this.id = id;
        this.legalBasis = legalBasis;
    }

    /** Its name in the draft's JSON ({@code "stage"}). */
    public String id() {
        return id;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
