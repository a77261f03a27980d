package io.iotseal.server.disclosure;

import io.iotseal.disclosure.CaseState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The rows of {@code disclosure_case}, its thread and its attachments (V30, ADR 0099). */
@Repository
class CaseRepository {

    /** The label a report is about, with what the case is linked to. */
    record Target(UUID label, String labelId, UUID productId, UUID vendorId, String productNameEn, String productNameJa,
                  String vendorName, String registrationNumber, List<String> versions) {

        String productName(String lang) {
            return "ja".equals(lang) && productNameJa != null ? productNameJa : productNameEn;
        }
    }

    /** A new case as intake makes it. */
    record NewCase(UUID id, Target target, UUID versionId, String summary, String details, String reporterName,
                   String reporterEmail, boolean consents, boolean reportedExploited, OffsetDateTime receivedAt) {
    }

    private static final String SELECT = "select c.id, c.version, c.state, c.label_id, l.label_id, c.product_id, p.name_en,"
            + " c.version_id, v.version, c.vendor_id, o.name, c.summary, c.details, c.reporter_name, c.reporter_email,"
            + " c.reporter_consents, c.reported_exploited, c.actively_exploited, c.cve_id, c.cvss_vector, c.embargo_until,"
            + " c.fixed_version, c.reject_reason, c.received_at, c.acknowledged_at, c.triaged_at, c.exploitation_known_at,"
            + " c.severe_incident_known_at, c.corrective_measure_at, c.early_warning_at, c.notification_at,"
            + " c.final_report_at, c.fixed_at, c.disclosed_at, c.closed_at, c.updated_at"
            + " from disclosure_case c join label l on l.id = c.label_id join product p on p.id = c.product_id"
            + " join organization o on o.id = c.vendor_id left join product_version v on v.id = c.version_id";

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The label with this public id (as printed, any case), with its product's versions. */
    Optional<Target> target(String labelId) {
        if (labelId == null || !labelId.matches("[A-Za-z0-9]{12}")) {
            return Optional.empty();
        }
        return jdbc.sql("select l.id, l.label_id, l.product_id, l.vendor_id, l.product_name_en, l.product_name_ja,"
                        + " l.vendor_name, l.registration_number from label l where l.label_id = ?")
                .param(labelId.toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        List.of()))
                .optional()
                .map(t -> new Target(t.label(), t.labelId(), t.productId(), t.vendorId(), t.productNameEn(),
                        t.productNameJa(), t.vendorName(), t.registrationNumber(), versions(t.productId())));
    }

    private List<String> versions(UUID productId) {
        return jdbc.sql("select version from product_version where product_id = ? order by created_at, version")
                .param(productId).query(String.class).list();
    }

    Optional<UUID> versionId(UUID productId, String version) {
        return jdbc.sql("select id from product_version where product_id = ? and version = ?")
                .params(productId, version).query(UUID.class).optional();
    }

    void insert(NewCase c) {
        jdbc.sql("insert into disclosure_case (id, label_id, product_id, version_id, vendor_id, state, summary, details,"
                        + " reporter_name, reporter_email, reporter_consents, reported_exploited, actively_exploited,"
                        + " received_at, updated_at, version) values (?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, false, ?, ?, 1)")
                .params(c.id(), c.target().label(), c.target().productId(), c.versionId(), c.target().vendorId(),
                        c.summary(), c.details(), c.reporterName(), c.reporterEmail(), c.consents(),
                        c.reportedExploited(), c.receivedAt(), c.receivedAt())
                .update();
    }

    /** The case without its thread and attachments (they are read separately). */
    Optional<CaseView> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query((rs, n) -> view(rs, List.of(), List.of(), 0)).optional();
    }

    /** For the operator ({@code vendors} null) or the given vendors; optionally in one state; newest first. */
    List<CaseView.Summary> list(Set<UUID> vendors, String state, int limit) {
        StringBuilder sql = new StringBuilder("select c.id, c.state, l.label_id, p.name_en, v.version, o.name, c.summary,"
                + " c.actively_exploited, c.received_at, c.updated_at from disclosure_case c join label l on l.id = c.label_id"
                + " join product p on p.id = c.product_id join organization o on o.id = c.vendor_id"
                + " left join product_version v on v.id = c.version_id where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (vendors != null) {
            if (vendors.isEmpty()) {
                return List.of();
            }
            sql.append(" and c.vendor_id in (").append(String.join(", ", vendors.stream().map(v -> "?").toList())).append(')');
            params.addAll(vendors);
        }
        if (state != null) {
            sql.append(" and c.state = ?");
            params.add(state);
        }
        sql.append(" order by c.received_at desc, c.id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new CaseView.Summary(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getBoolean(8), rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class))).list();
    }

    /**
     * Moves the case to {@code to}, stamping {@code column} (a constant of the caller, null for none) when it is
     * not set yet; false when the version no longer matches (someone else changed it).
     */
    boolean changeState(UUID id, long version, CaseState to, String column, String fixedVersion, String rejectReason,
                        OffsetDateTime now) {
        String stamp = column == null ? "" : ", " + column + " = coalesce(" + column + ", ?)";
        List<Object> params = new ArrayList<>(List.of(to.name()));
        if (column != null) {
            params.add(now);
        }
        // A fix is also the corrective measure the CRA's final report is due after (Article 14(2)(c)).
        String corrective = to == CaseState.FIXED ? ", corrective_measure_at = coalesce(corrective_measure_at, ?)" : "";
        if (to == CaseState.FIXED) {
            params.add(now);
        }
        params.addAll(java.util.Arrays.asList(fixedVersion, rejectReason, now, id, version));
        return jdbc.sql("update disclosure_case set state = ?" + stamp + corrective
                        + ", fixed_version = coalesce(?, fixed_version), reject_reason = coalesce(?, reject_reason),"
                        + " updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(params).update() == 1;
    }

    /** The vendor's assessment of the case; false when the version no longer matches. */
    boolean updateFacts(UUID id, long version, String cveId, String cvssVector, boolean activelyExploited,
                        LocalDate embargoUntil, OffsetDateTime now) {
        return jdbc.sql("update disclosure_case set cve_id = ?, cvss_vector = ?, actively_exploited = ?,"
                        + " exploitation_known_at = case when ? then coalesce(exploitation_known_at, ?) else exploitation_known_at end,"
                        + " embargo_until = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(cveId, cvssVector, activelyExploited, activelyExploited, now, embargoUntil, now, id, version)
                .update() == 1;
    }

    /** Sets a moment once; false when the version no longer matches or the moment was set before. */
    boolean recordMoment(UUID id, long version, CaseMoment moment, OffsetDateTime at, OffsetDateTime now) {
        return jdbc.sql("update disclosure_case set " + moment.column() + " = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and version = ? and " + moment.column() + " is null")
                .params(at, now, id, version).update() == 1;
    }

    void addMessage(UUID caseId, String authorKind, UUID authorUser, String authorName, String body, OffsetDateTime now) {
        jdbc.sql("insert into disclosure_message (id, case_id, author_kind, author_user, author_name, body, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, authorKind, authorUser, authorName, body, now).update();
    }

    List<CaseView.Message> messages(UUID caseId) {
        return jdbc.sql("select id, author_kind, author_name, body, created_at from disclosure_message where case_id = ?"
                        + " order by created_at, id")
                .param(caseId).query((rs, n) -> new CaseView.Message(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class))).list();
    }

    void addAttachment(UUID id, UUID caseId, String sha256, String fileName, String mediaType, long size,
                       String authorKind, String by, OffsetDateTime now) {
        jdbc.sql("insert into disclosure_attachment (id, case_id, sha256, file_name, media_type, size_bytes, author_kind,"
                        + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, caseId, sha256, fileName, mediaType, size, authorKind, by, now).update();
    }

    List<CaseView.Attachment> attachments(UUID caseId) {
        return jdbc.sql("select id, file_name, media_type, size_bytes, sha256, author_kind, uploaded_at"
                        + " from disclosure_attachment where case_id = ? order by uploaded_at, id")
                .param(caseId).query((rs, n) -> new CaseView.Attachment(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class))).list();
    }

    static CaseView view(ResultSet rs, List<CaseView.Message> messages, List<CaseView.Attachment> attachments,
                         int liveLinks) throws SQLException {
        String vector = rs.getString(20);
        return new CaseView(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getBoolean(16), rs.getBoolean(17), rs.getBoolean(18),
                rs.getString(19), vector, CaseFacts.severity(vector), rs.getObject(21, LocalDate.class),
                rs.getString(22), rs.getString(23), new CaseView.Moments(time(rs, 24), time(rs, 25), time(rs, 26),
                time(rs, 27), time(rs, 28), time(rs, 29), time(rs, 30), time(rs, 31), time(rs, 32), time(rs, 33),
                time(rs, 34), time(rs, 35), time(rs, 36)), liveLinks, messages, attachments);
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
