package io.iotseal.catalog;

/** The strength of a requirement in the EN 303 645 status notation. */
public enum Obligation {
    MANDATORY("M"),
    RECOMMENDED("R");

    private final String code;

    Obligation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
