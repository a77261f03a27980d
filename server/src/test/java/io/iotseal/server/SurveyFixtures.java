package io.iotseal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Survey campaigns and observations written straight into the V35 tables, as the registry's ingest stores them
 * (docs/surveys.md: iotseal-survey-scope/1 and iotseal-survey-observation/1), so that owner notices and reports can
 * be tested without the ingest API.
 */
public final class SurveyFixtures {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public SurveyFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh campaign id, [a-z0-9][a-z0-9-]{2,63}. */
    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a campaign over {@code blocks} with {@code addressCount} addresses; answers its scope's SHA-256. */
    public String campaign(String id, String title, List<String> blocks, long addressCount, OffsetDateTime registeredAt) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("format", "iotseal-survey-scope/1");
        scope.put("id", id);
        scope.put("title", title);
        scope.put("blocks", blocks);
        scope.put("ports", List.of(23, 80, 8080));
        scope.put("checks", List.of("open-services", "default-credentials", "information-disclosure"));
        scope.put("credentials", List.of(Map.of("username", "admin", "password", "admin")));
        scope.put("rate", 300);
        scope.put("window", Map.of("from", "2026-12-01T00:00:00Z", "until", "2026-12-31T23:59:59Z"));
        scope.put("legalBasis", "Act on NICT, supplementary provision article 8-2 (text of the operator's own statement)");
        scope.put("signedOffBy", "Jane Doe, survey lead");
        scope.put("signedOffAt", "2026-11-30T09:00:00Z");
        scope.put("blockSize", 256);
        String json = json(scope);
        String sha = sha256(json);
        jdbc.sql("insert into survey_campaign (id, title, legal_basis, signed_off_by, signed_off_at, window_from,"
                        + " window_until, scope_json, scope_sha256, address_count, registered_by, registered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, title, scope.get("legalBasis"), "Jane Doe, survey lead",
                        OffsetDateTime.parse("2026-11-30T09:00:00Z"), OffsetDateTime.parse("2026-12-01T00:00:00Z"),
                        OffsetDateTime.parse("2026-12-31T23:59:59Z"), json, sha, addressCount, "user:admin (fixture)",
                        registeredAt)
                .update();
        return sha;
    }

    /** A finding as the observation format has it. */
    public static Map<String, Object> finding(String check, int port, String service, String verdict, String summary,
                                              String... requirements) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("check", check);
        f.put("port", port);
        f.put("service", service);
        f.put("verdict", verdict);
        f.put("summary", summary);
        f.put("requirements", List.of(requirements));
        return f;
    }

    /** A reached device with these findings, matched to {@code product} (or none). */
    public UUID device(String campaign, String address, UUID product, List<Map<String, Object>> findings) {
        int port = findings.isEmpty() ? 80 : (Integer) findings.get(0).get("port");
        return insert(campaign, address, true, false, "port " + port + " open", product,
                List.of(Map.of("port", port, "service", "http", "banner", "Server: lighttpd")),
                List.of(Map.of("kind", "HTTP_TITLE", "port", port, "value", "Acme NetCam 200"),
                        Map.of("kind", "BANNER", "port", 23, "value", "Acme login:")),
                findings);
    }

    /** An address that answered on no port: no services, fingerprints or findings (ADR 0076). */
    public UUID unreached(String campaign, String address) {
        return insert(campaign, address, false, false, "22, 23, 80, 8080 closed", null, List.of(), List.of(), List.of());
    }

    /** An opted-out address: no packet was sent. */
    public UUID optedOut(String campaign, String address) {
        return insert(campaign, address, false, true, "opted out", null, List.of(), List.of(), List.of());
    }

    private UUID insert(String campaign, String address, boolean reached, boolean optedOut, String reachability,
                        UUID product, List<?> services, List<?> fingerprints, List<Map<String, Object>> findings) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2026-12-01T17:00:00.123Z");
        int fails = (int) findings.stream().filter(f -> "FAIL".equals(f.get("verdict"))).count();
        jdbc.sql("insert into survey_observation (id, campaign_id, address, observed_at, finished_at, reached, opted_out,"
                        + " reachability, fail_count, services_json, fingerprints_json, findings_json, worker, product_id,"
                        + " received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, campaign, address, at, at.plusSeconds(1), reached, optedOut, reachability, fails,
                        json(services), json(fingerprints), json(findings), "host-1/pid-4242", product,
                        OffsetDateTime.parse("2026-12-01T18:00:00Z"))
                .update();
        return id;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
