package io.iotseal.server.label;

import io.iotseal.label.status.LabelState;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for labels (V4__labels.sql). Lists of models and versions are stored one per line. */
@Repository
class LabelRepository {

    private static final RowMapper<LabelRow> ROW = (rs, n) -> new LabelRow(rs.getObject("id", UUID.class),
            rs.getString("label_id"), rs.getObject("assessment_id", UUID.class), rs.getObject("product_id", UUID.class),
            rs.getObject("vendor_id", UUID.class), rs.getInt("status_index"), rs.getString("registration_number"),
            rs.getString("scheme"), rs.getString("level"), rs.getString("vendor_name"), rs.getString("product_name_en"),
            rs.getString("product_name_ja"), lines(rs.getString("models")), lines(rs.getString("versions")),
            rs.getObject("support_end", LocalDate.class), rs.getObject("issued", LocalDate.class),
            rs.getObject("expiry", LocalDate.class), rs.getString("credential"), rs.getString("qr_text"),
            rs.getString("kid"), LabelState.Kind.valueOf(rs.getString("status")), rs.getString("reason"),
            rs.getObject("status_since", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));

    private final JdbcClient jdbc;

    LabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LabelRow> find(UUID id) {
        return jdbc.sql("select * from label where id = ?").param(id).query(ROW).optional();
    }

    Optional<LabelRow> findByLabelId(String labelId) {
        return jdbc.sql("select * from label where label_id = ?").param(labelId).query(ROW).optional();
    }

    /** A vendor's labels, the newest first (the vendor console's list, ADR 0087); at most {@code limit}. */
    List<LabelRow> ofVendor(UUID vendor, int limit) {
        return jdbc.sql("select * from label where vendor_id = ? order by issued desc, created_at desc, id limit ?")
                .params(vendor, limit).query(ROW).list();
    }

    /** The QR texts of a label that a re-issue replaced (ADR 0054): codes printed before it. */
    List<String> supersededQrTexts(UUID label) {
        return jdbc.sql("select qr_text from label_superseded_qr where label = ? order by superseded_at")
                .param(label).query(String.class).list();
    }

    /** Labels signed by a key not in {@code kids} (the published ones): what a re-issue signs again. */
    List<LabelRow> signedByNoneOf(java.util.Collection<String> kids) {
        return jdbc.sql("select * from label where kid not in (:kids) order by status_index")
                .param("kids", List.copyOf(kids)).query(ROW).list();
    }

    /**
     * Replaces the credential, QR text and kid of a re-issued label if nobody changed it since
     * {@code version}, and keeps the QR text it replaces; false when somebody did.
     */
    boolean reissue(LabelRow old, String credential, String qrText, String kid, OffsetDateTime now) {
        boolean updated = jdbc.sql("update label set credential = ?, qr_text = ?, kid = ?, updated_at = ?, version = ?"
                        + " where id = ? and version = ?")
                .params(credential, qrText, kid, now, old.version() + 1, old.id(), old.version()).update() == 1;
        if (updated) {
            jdbc.sql("insert into label_superseded_qr (qr_text, label, kid, superseded_at) values (?, ?, ?, ?)")
                    .params(old.qrText(), old.id(), old.kid(), now).update();
        }
        return updated;
    }

    /** The assessment's current label: the one no renewal has superseded (ADR 0053). */
    Optional<LabelRow> findByAssessment(UUID assessmentId) {
        return jdbc.sql("select * from label l where assessment_id = ?"
                + " and not exists (select 1 from label n where n.renewal_of = l.id)").param(assessmentId).query(ROW).optional();
    }

    /** Labels of a level issued before {@code day}, not revoked, and not expired by that day. */
    /**
     * Active labels the calendar job looks at (ADR 0081): expiring by {@code expiryBy} or whose support
     * period ends by {@code supportEndBy}, in id order, from {@code after} (null: the first) at most {@code limit}.
     */
    List<LabelRow> activeForCalendar(LocalDate expiryBy, LocalDate supportEndBy, UUID after, int limit) {
        return jdbc.sql("select * from label where status = 'ACTIVE' and (expiry <= ? or support_end <= ?)"
                        + (after == null ? "" : " and id > ?") + " order by id limit " + limit)
                .params(after == null ? List.of(expiryBy, supportEndBy) : List.of(expiryBy, supportEndBy, after))
                .query(ROW).list();
    }

    List<LabelRow> issuedBefore(String scheme, String level, LocalDate day) {
        return jdbc.sql("select * from label where scheme = ? and level = ? and issued < ? and expiry >= ?"
                        + " and status <> 'REVOKED' order by id")
                .params(scheme, level, day, day).query(ROW).list();
    }

    /** The next free status index; the unique constraint guards against two issuances racing for it. */
    int nextStatusIndex() {
        return jdbc.sql("select coalesce(max(status_index), -1) + 1 from label").query(Integer.class).single();
    }

    /**
     * What the status lists depend on besides the clock: the label table's last change and the signing-key
     * generation (ADR 0051), both read in one round trip.
     */
    Freshness freshness() {
        return jdbc.sql("select (select max(updated_at) from label), (select generation from label_key_state where id = 1)")
                .query((rs, n) -> new Freshness(rs.getObject(1, OffsetDateTime.class), rs.getLong(2))).single();
    }

    /** The label table's last change (null without labels) and the key generation (0 before the first). */
    record Freshness(OffsetDateTime lastChange, long keyGeneration) {
    }

    /**
     * What the public label page depends on (ADR 0090): as {@link #freshness()}, and the product table's last
     * change (the page shows the product's vulnerability contact) and the number of demo records (the page says
     * whether its label is of demo data); one round trip, each an index's end or a small table.
     */
    PageFreshness pageFreshness() {
        return jdbc.sql("select (select max(updated_at) from label), (select generation from label_key_state where id = 1),"
                        + " (select max(updated_at) from product), (select count(*) from demo_record)")
                .query((rs, n) -> new PageFreshness(new Freshness(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)),
                        rs.getObject(3, OffsetDateTime.class), rs.getLong(4))).single();
    }

    record PageFreshness(Freshness labels, OffsetDateTime productsLastChange, long demoRecords) {
    }

    /** Index and state of every label that is not active: what the status lists are built from. */
    List<IndexedState> inactive() {
        return jdbc.sql("select status_index, status from label where status <> 'ACTIVE'")
                .query((rs, n) -> new IndexedState(rs.getInt(1), LabelState.Kind.valueOf(rs.getString(2)))).list();
    }

    record IndexedState(int index, LabelState.Kind kind) {
    }

    void insert(LabelRow r) {
        jdbc.sql("insert into label (id, label_id, assessment_id, product_id, vendor_id, status_index, registration_number,"
                        + " scheme, level, vendor_name, product_name_en, product_name_ja, models, versions, support_end,"
                        + " issued, expiry, credential, qr_text, kid, status, reason, status_since, created_at, updated_at,"
                        + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.labelId(), r.assessmentId(), r.productId(), r.vendorId(), r.statusIndex(),
                        r.registrationNumber(), r.scheme(), r.level(), r.vendorName(), r.productNameEn(),
                        r.productNameJa(), String.join("\n", r.models()), String.join("\n", r.versions()),
                        r.supportEnd(), r.issued(), r.expiry(), r.credential(), r.qrText(), r.kid(), r.status().name(),
                        r.reason(), r.statusSince(), r.createdAt(), r.updatedAt(), r.version())
                .update();
    }

    /** A product's labels that are not revoked, in id order (the support period change of ADR 0100). */
    List<LabelRow> notRevokedOfProduct(UUID productId) {
        return jdbc.sql("select * from label where product_id = ? and status <> 'REVOKED' order by id")
                .param(productId).query(ROW).list();
    }

    /** Sets the support period end if nobody changed the label since {@code version}; false when somebody did. */
    boolean updateSupportEnd(UUID id, long version, LocalDate supportEnd, OffsetDateTime now) {
        return jdbc.sql("update label set support_end = ?, updated_at = ?, version = ? where id = ? and version = ?")
                .params(supportEnd, now, version + 1, id, version).update() == 1;
    }

    /** Sets the status if nobody changed the label since {@code version}; false when somebody did. */
    boolean updateStatus(UUID id, long version, LabelState state, OffsetDateTime now) {
        return jdbc.sql("update label set status = ?, reason = ?, status_since = ?, updated_at = ?, version = ?"
                        + " where id = ? and version = ?")
                .params(state.kind().name(), state.reason(), now, now, version + 1, id, version)
                .update() == 1;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
