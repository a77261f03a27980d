package io.iotseal.probe.survey;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scope documents for tests: the example of docs/surveys.md as a map, to change one field at a time. */
final class Scopes {
    static final String EXAMPLE_YAML = """
            format: iotseal-survey-scope/1
            id: notice-2026-12            # campaign id
            title: Weak credentials survey, December 2026
            blocks: [127.1.0.0/22]
            ports: [23, 80, 8080]
            checks: [open-services, default-credentials, information-disclosure]
            credentials:
              - {username: admin, password: admin}
            rate: 300
            window: {from: 2026-12-01T00:00:00Z, until: 2026-12-31T23:59:59Z}
            legalBasis: >-
              Act on NICT, supplementary provision article 8-2 (text of the operator's own statement)
            signedOffBy: Jane Doe, survey lead
            signedOffAt: 2026-11-30T09:00:00Z
            blockSize: 256
            """;

    private Scopes() {
    }

    /** The example as a mutable map in the documented key order. */
    static Map<String, Object> example() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "iotseal-survey-scope/1");
        m.put("id", "notice-2026-12");
        m.put("title", "Weak credentials survey, December 2026");
        m.put("blocks", new ArrayList<>(List.of("127.1.0.0/22")));
        m.put("ports", new ArrayList<>(List.of(23, 80, 8080)));
        m.put("checks", new ArrayList<>(List.of("open-services", "default-credentials", "information-disclosure")));
        m.put("credentials", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("username", "admin", "password", "admin")))));
        m.put("rate", 300);
        m.put("window", new LinkedHashMap<>(Map.of("from", "2026-12-01T00:00:00Z", "until", "2026-12-31T23:59:59Z")));
        m.put("legalBasis", "Act on NICT, supplementary provision article 8-2 (text of the operator's own statement)");
        m.put("signedOffBy", "Jane Doe, survey lead");
        m.put("signedOffAt", "2026-11-30T09:00:00Z");
        m.put("blockSize", 256);
        return m;
    }

    static String json(Map<String, Object> scope) {
        try {
            return new ObjectMapper().writeValueAsString(scope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SurveyScope parse(Map<String, Object> scope) {
        return SurveyScope.parse(json(scope), "test.json");
    }

    /** A scope over {@code block} and {@code ports} whose window is open now (an hour either side). */
    static SurveyScope open(String block, List<Integer> ports, List<String> checks) {
        Map<String, Object> m = example();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        m.put("blocks", List.of(block));
        m.put("ports", ports);
        m.put("checks", checks);
        m.put("window", Map.of("from", now.minus(1, ChronoUnit.HOURS).toString(),
                "until", now.plus(1, ChronoUnit.HOURS).toString()));
        return parse(m);
    }
}
