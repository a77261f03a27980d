package io.iotseal.server.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a re-match needs of a stored observation, read back from the JSON arrays the upload checked and stored: the
 * fingerprints (normalised as {@link ObservationReader} does, so matching is the same as at upload) and the FAILs.
 */
final class StoredObservations {

    private static final ObjectMapper JSON = JsonMappers.plain();

    private StoredObservations() {
    }

    static List<Observation.Seen> fingerprints(String json) {
        List<Observation.Seen> out = new ArrayList<>();
        for (JsonNode f : tree(json)) {
            String kind = f.path("kind").asText(null);
            if (Fingerprint.KINDS.contains(kind) && f.path("value").isTextual()) {
                Integer port = f.path("port").isInt() ? f.path("port").asInt() : null;
                out.add(new Observation.Seen(kind, port, Fingerprint.normalised(kind, f.path("value").asText())));
            }
        }
        return out;
    }

    static List<Observation.Failed> failures(String json) {
        List<Observation.Failed> out = new ArrayList<>();
        for (JsonNode f : tree(json)) {
            if ("FAIL".equals(f.path("verdict").asText(null))) {
                out.add(new Observation.Failed(f.path("check").asText(""), f.path("port").isInt()
                        ? f.path("port").asInt() : 0, f.path("service").asText(""), f.path("summary").asText("")));
            }
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode n = JSON.readTree(json == null ? "[]" : json);
            return n.isArray() ? n : JSON.createArrayNode();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored observation's JSON does not parse", e);
        }
    }
}
