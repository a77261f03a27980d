package io.iotseal.coverage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The result recorded for one requirement in an assessment. */
public enum Verdict {
    @JsonProperty("pass") PASS("pass"),
    @JsonProperty("fail") FAIL("fail"),
    @JsonProperty("not-applicable") NOT_APPLICABLE("not-applicable"),
    @JsonProperty("not-assessed") NOT_ASSESSED("not-assessed");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
