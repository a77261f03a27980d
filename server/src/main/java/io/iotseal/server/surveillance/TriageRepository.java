package io.iotseal.server.surveillance;

import io.iotseal.surveillance.TriageState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Triage statements (V29 finding_triage): inserted, superseded, never updated otherwise. */
@Repository
class TriageRepository {

    private static final String COLUMNS = "id, product_id, version_id, vulnerability_id, component_purl, status,"
            + " justification, impact_statement, action_statement, fixed_in, source, source_sha256, decided_by,"
            + " operator_confirmed, decided_at, superseded_at";

    private final JdbcClient jdbc;

    TriageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The short key of a (vulnerability, component) pair: the purl can be too long for a unique index. */
    static String findingKey(String vulnerability, String component) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((vulnerability + "\n" + component).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Supersedes the current statement for the pair, if any, and records {@code s} as the current one. */
    void replace(TriageStatement s) {
        String key = findingKey(s.vulnerability(), s.component());
        jdbc.sql("update finding_triage set superseded_at = ? where version_id = ? and finding_key = ?"
                        + " and superseded_at is null")
                .params(s.decidedAt(), s.versionId(), key).update();
        jdbc.sql("insert into finding_triage (" + COLUMNS + ", finding_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)")
                .params(s.id(), s.productId(), s.versionId(), s.vulnerability(), s.component(), s.status().name(),
                        s.justification(), s.impactStatement(), s.actionStatement(), s.fixedIn(), s.source(),
                        s.sourceSha256(), s.decidedBy(), s.operatorConfirmed(), s.decidedAt(), null, key)
                .update();
    }

    List<TriageStatement> current(UUID versionId) {
        return jdbc.sql("select " + COLUMNS + " from finding_triage where version_id = ? and superseded_at is null"
                        + " order by vulnerability_id, component_purl")
                .param(versionId).query(TriageRepository::row).list();
    }

    List<TriageStatement> history(UUID versionId, String vulnerability, String component) {
        return jdbc.sql("select " + COLUMNS + " from finding_triage where version_id = ? and finding_key = ?"
                        + " order by decided_at desc, id")
                .params(versionId, findingKey(vulnerability, component)).query(TriageRepository::row).list();
    }

    private static TriageStatement row(ResultSet rs, int n) throws SQLException {
        return new TriageStatement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), TriageState.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getBoolean(14), rs.getObject(15, OffsetDateTime.class),
                rs.getObject(16, OffsetDateTime.class));
    }
}
