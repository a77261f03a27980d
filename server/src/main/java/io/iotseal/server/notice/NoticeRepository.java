package io.iotseal.server.notice;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for vendor notices and their clarification messages (V31__vendor_notices.sql). CVE ids one a line. */
@Repository
class NoticeRepository {

    private static final String SELECT = "select n.*, l.label_id as label_code, l.expiry as label_expiry,"
            + " l.product_name_en as label_product, l.vendor_name as label_vendor, c.state as name_change_state"
            + " from vendor_notice n join label l on l.id = n.label_id"
            + " left join organization_name_change c on c.id = n.name_change_id";

    private static final RowMapper<Notice> ROW = (rs, n) -> new Notice(rs.getObject("id", UUID.class),
            rs.getObject("label_id", UUID.class), rs.getObject("product_id", UUID.class),
            rs.getObject("vendor_id", UUID.class), NoticeKind.valueOf(rs.getString("kind")),
            NoticeState.valueOf(rs.getString("state")), rs.getString("firmware_version"),
            rs.getObject("release_date", LocalDate.class), rs.getString("changes"), lines(rs.getString("security_fixes")),
            rs.getString("new_legal_name"), rs.getString("new_legal_name_ja"), rs.getObject("name_change_id", UUID.class),
            rs.getString("new_product_name"), rs.getString("new_model"), rs.getString("vulnerability_id"),
            rs.getString("vulnerability_status"), rs.getString("fixed_version"),
            rs.getObject("new_support_end", LocalDate.class), rs.getObject("previous_support_end", LocalDate.class),
            rs.getString("explanation"), rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
            rs.getString("acknowledged_by"), rs.getObject("acknowledged_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"), rs.getString("label_code"),
            rs.getObject("label_expiry", LocalDate.class), rs.getString("label_product"), rs.getString("label_vendor"),
            rs.getString("name_change_state"));

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Notice> find(UUID id) {
        return jdbc.sql(SELECT + " where n.id = ?").param(id).query(ROW).optional();
    }

    /** A label's notices, the newest first. */
    List<Notice> ofLabel(UUID label) {
        return jdbc.sql(SELECT + " where n.label_id = ? order by n.submitted_at desc, n.id").param(label).query(ROW).list();
    }

    /** The operator's queue: notices in {@code states}, the longest waiting first (at most {@code limit}). */
    List<Notice> inStates(List<NoticeState> states, int limit) {
        return jdbc.sql(SELECT + " where n.state in (:states) order by n.updated_at, n.id limit " + limit)
                .param("states", states.stream().map(Enum::name).toList()).query(ROW).list();
    }

    /** Acknowledged notices of a product with a public consequence, the newest first (at most {@code limit}). */
    List<Notice> publicOfProduct(UUID product, int limit) {
        return jdbc.sql(SELECT + " where n.product_id = ? and n.state = 'ACKNOWLEDGED' and (n.kind in"
                        + " ('FIRMWARE_UPDATE', 'SUPPORT_PERIOD') or (n.kind = 'VULNERABILITY' and n.vulnerability_status = 'FIXED'))"
                        + " order by n.acknowledged_at desc, n.id limit " + limit)
                .param(product).query(ROW).list();
    }

    /** Moves whenever a notice is acknowledged, on any instance: the last acknowledgement and their number. */
    List<Object> acknowledgedFreshness() {
        return jdbc.sql("select max(acknowledged_at), count(*) from vendor_notice where state = 'ACKNOWLEDGED'")
                .query((rs, n) -> Arrays.<Object>asList(rs.getObject(1, OffsetDateTime.class), rs.getLong(2))).single();
    }

    void insert(Notice n) {
        jdbc.sql("insert into vendor_notice (id, label_id, product_id, vendor_id, kind, state, firmware_version,"
                        + " release_date, changes, security_fixes, new_legal_name, new_legal_name_ja, name_change_id,"
                        + " new_product_name, new_model, vulnerability_id, vulnerability_status, fixed_version,"
                        + " new_support_end, previous_support_end, explanation, submitted_by, submitted_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(n.id(), n.label(), n.productId(), n.vendorId(), n.kind().name(), n.state().name(), n.firmwareVersion(),
                        n.releaseDate(), n.changes(), n.securityFixes().isEmpty() ? null : String.join("\n", n.securityFixes()),
                        n.newLegalName(), n.newLegalNameJa(), n.nameChangeId(), n.newProductName(), n.newModel(),
                        n.vulnerabilityId(), n.vulnerabilityStatus(), n.fixedVersion(), n.newSupportEnd(),
                        n.previousSupportEnd(), n.explanation(), n.submittedBy(), n.submittedAt(), n.updatedAt(), n.version())
                .update();
    }

    /** Moves the notice to {@code state} if nobody changed it since {@code version}; false when somebody did. */
    boolean changeState(UUID id, long version, NoticeState state, String acknowledgedBy, OffsetDateTime now) {
        return jdbc.sql("update vendor_notice set state = ?, acknowledged_by = ?, acknowledged_at = ?, updated_at = ?,"
                        + " version = ? where id = ? and version = ?")
                .params(state.name(), acknowledgedBy, acknowledgedBy == null ? null : now, now, version + 1, id, version)
                .update() == 1;
    }

    void insertMessage(UUID notice, Notice.Message m) {
        jdbc.sql("insert into vendor_notice_message (id, notice_id, author, side, body, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(m.id(), notice, m.author(), m.side(), m.body(), m.at()).update();
    }

    List<Notice.Message> messages(UUID notice) {
        return jdbc.sql("select id, author, side, body, created_at from vendor_notice_message where notice_id = ?"
                        + " order by created_at, id").param(notice)
                .query((rs, n) -> new Notice.Message(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class))).list();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
