package io.iotseal.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.json.JsonMappers;

/**
 * A draft of one CRA report, valid against {@code cra-report-draft.schema.json}; made by {@link CraDrafts#build}.
 * IoTSeal never submits it: the manufacturer copies it into ENISA's single reporting platform.
 */
public final class CraReportDraft {
    private final CraStage stage;
    private final JsonNode content;

    CraReportDraft(CraStage stage, JsonNode content) {
        this.stage = stage;
        this.content = content.deepCopy();
    }

    public CraStage stage() {
        return stage;
    }

    /** The draft's JSON tree (a copy: the draft stays as validated). */
    public JsonNode content() {
        return content.deepCopy();
    }

    /** The draft as indented JSON text. */
    public String json() {
        try {
            return JsonMappers.pretty().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
