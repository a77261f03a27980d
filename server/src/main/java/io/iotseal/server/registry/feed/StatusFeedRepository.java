package io.iotseal.server.registry.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the public label status changes (ADR 0083): the label actions of the audit log, which every status
 * change writes in its own transaction (so the feed shows exactly what was committed), and the expiry days
 * that have passed. Only labels of public products (published and in scope), as the label search.
 */
@Repository
class StatusFeedRepository {

    /** The audit actions that change a label's public status. */
    static final List<String> ACTIONS = List.of("label.issue", "label.suspend", "label.reinstate", "label.revoke",
            "label.lapse", "label.supersede");

    private static final String LABEL_COLUMNS = "l.id, l.label_id, l.registration_number, l.scheme, l.level,"
            + " l.vendor_name, l.product_name_en, l.product_name_ja";
    private static final String AUDITED = " from audit_entry a join label l on a.entity_id = cast(l.id as varchar(36))"
            + " join product p on p.id = l.product_id where a.entity_type = 'label' and a.action in (:actions)"
            + " and p.published = true and p.in_scope = true";
    /**
     * Expired: the expiry day is past and the label was not revoked by then (a label revoked while valid never
     * expires; one revoked after its expiry did expire first).
     */
    private static final String EXPIRED = " from label l join product p on p.id = l.product_id"
            + " where l.expiry < :today and p.published = true and p.in_scope = true"
            + " and (l.status <> 'REVOKED' or l.status_since >= l.expiry + 1)";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    StatusFeedRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The newest {@code limit} audited changes the filter selects, newest first. */
    List<StatusChange> audited(FeedFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("actions", ACTIONS);
        params.put("limit", limit);
        return jdbc.sql("select a.seq, a.action, a.occurred_at, a.after_json, " + LABEL_COLUMNS + AUDITED
                        + where(filter, params) + " order by a.seq desc limit :limit")
                .params(params).query(audited()).list();
    }

    long countAudited(FeedFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("actions", ACTIONS);
        return jdbc.sql("select count(*)" + AUDITED + where(filter, params)).params(params).query(Long.class).single();
    }

    /** The newest {@code limit} expiries before {@code today} the filter selects, newest first. */
    List<StatusChange> expired(FeedFilter filter, LocalDate today, int limit) {
        Map<String, Object> params = expiredParams(today);
        params.put("limit", limit);
        return jdbc.sql("select l.expiry, " + LABEL_COLUMNS + EXPIRED + where(filter, params)
                        + " order by l.expiry desc, l.id desc limit :limit")
                .params(params).query((rs, n) -> {
                    LocalDate expiry = rs.getObject("expiry", LocalDate.class);
                    UUID id = rs.getObject("id", UUID.class);
                    return change("expired:" + id, StatusChange.Kind.EXPIRED, expiredAt(expiry), rs, null);
                }).list();
    }

    long countExpired(FeedFilter filter, LocalDate today) {
        Map<String, Object> params = expiredParams(today);
        return jdbc.sql("select count(*)" + EXPIRED + where(filter, params)).params(params).query(Long.class).single();
    }

    /** The vendor's name as its labels state it (null: no public label of that vendor). */
    String vendorName(UUID vendorId) {
        return jdbc.sql("select max(l.vendor_name) from label l join product p on p.id = l.product_id"
                        + " where l.vendor_id = :v and p.published = true and p.in_scope = true")
                .param("v", vendorId).query(String.class).optional().orElse(null);
    }

    /** The scheme operator's name (the earliest recorded), or null. */
    String operatorName() {
        return jdbc.sql("select name from organization where kind = 'SCHEME_OPERATOR' order by created_at, id limit 1")
                .query(String.class).optional().orElse(null);
    }

    /** A label lasts through its expiry day (UTC): it expires at the start of the next. */
    static Instant expiredAt(LocalDate expiry) {
        return expiry.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Map<String, Object> expiredParams(LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        return params;
    }

    private static String where(FeedFilter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (f.vendorId() != null) {
            sql.append(" and l.vendor_id = :vendorId");
            params.put("vendorId", f.vendorId());
        }
        if (f.label() != null) {
            sql.append(" and l.label_id = :label");
            params.put("label", f.label());
        }
        return sql.toString();
    }

    private RowMapper<StatusChange> audited() {
        return (rs, n) -> {
            StatusChange.Kind kind = StatusChange.Kind.ofAction(rs.getString("action"));
            String reason = kind == StatusChange.Kind.ISSUED ? null : reason(rs.getString("after_json"));
            // Zero-padded, so that keys sort as the sequence does (ties of time are broken by the key).
            return change("audit:" + String.format(java.util.Locale.ROOT, "%019d", rs.getLong("seq")), kind, rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs, reason);
        };
    }

    private static StatusChange change(String key, StatusChange.Kind kind, Instant at, java.sql.ResultSet rs, String reason)
            throws java.sql.SQLException {
        return new StatusChange(key, kind, at, rs.getObject("id", UUID.class), rs.getString("label_id"),
                rs.getString("registration_number"), rs.getString("scheme"), rs.getString("level"),
                rs.getString("vendor_name"), rs.getString("product_name_en"), rs.getString("product_name_ja"), reason);
    }

    /** The reason the audit entry recorded after the change (the one shown on the label's page then). */
    private String reason(String afterJson) {
        if (afterJson == null) {
            return null;
        }
        try {
            JsonNode after = json.readTree(afterJson);
            return after.path("reason").isTextual() ? after.get("reason").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
