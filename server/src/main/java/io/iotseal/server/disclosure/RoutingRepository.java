package io.iotseal.server.disclosure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code disclosure_routing} (V33, ADR 0102) and what routing reads of the label and product. */
@Repository
class RoutingRepository {

    /** Where a report about the label goes: its scheme and its product's contact and published key. */
    record Destination(String scheme, String registrationNumber, String contact, String openPgpKey,
                       String fingerprint) {
    }

    private final JdbcClient jdbc;

    RoutingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Destination destination(UUID label) {
        return jdbc.sql("select l.scheme, l.registration_number, p.vdp_contact, p.vdp_openpgp_key,"
                        + " p.vdp_openpgp_fingerprint from label l join product p on p.id = l.product_id where l.id = ?")
                .param(label)
                .query((rs, n) -> new Destination(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .single();
    }

    void insert(CaseRouting r) {
        jdbc.sql("insert into disclosure_routing (case_id, scheme, rule_scheme, data_version, operator_copied,"
                        + " operator_copy_default, operator_copy_basis, operator_copy_source, mail_to, mail_state,"
                        + " mail_encrypted_to, mail_detail, mail_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.caseId(), r.scheme(), r.ruleScheme(), r.dataVersion(), r.operatorCopied(),
                        r.operatorCopyDefault(), r.operatorCopyBasis(), r.operatorCopySource(), r.mailTo(),
                        r.mailState(), r.mailEncryptedTo(), r.mailDetail(), r.mailAt())
                .update();
    }

    /** Records how the mail went, once: false when it was recorded before (another instance, or a second try). */
    boolean mailOutcome(UUID caseId, String state, String encryptedTo, String detail, OffsetDateTime at) {
        return jdbc.sql("update disclosure_routing set mail_state = ?, mail_encrypted_to = ?, mail_detail = ?,"
                        + " mail_at = ? where case_id = ? and mail_state = 'PENDING'")
                .params(state, encryptedTo, detail, at, caseId).update() == 1;
    }

    Optional<CaseRouting> find(UUID caseId) {
        return jdbc.sql("select case_id, scheme, rule_scheme, data_version, operator_copied, operator_copy_default,"
                        + " operator_copy_basis, operator_copy_source, mail_to, mail_state, mail_encrypted_to,"
                        + " mail_detail, mail_at from disclosure_routing where case_id = ?")
                .param(caseId)
                .query((rs, n) -> new CaseRouting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getObject(13, OffsetDateTime.class)))
                .optional();
    }
}
