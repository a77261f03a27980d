package io.iotseal.crosswalk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a mapping comes from a published document or from IoTSeal's own analysis. */
public enum Basis {
    @JsonProperty("published") PUBLISHED("published"),
    @JsonProperty("own-analysis") OWN_ANALYSIS("own-analysis");

    private final String code;

    Basis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
