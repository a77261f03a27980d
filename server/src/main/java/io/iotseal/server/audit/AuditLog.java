package io.iotseal.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.audit.AuditChain;
import io.iotseal.audit.AuditChainVerifier;
import io.iotseal.audit.AuditEntry;
import io.iotseal.audit.JdbcAuditLog;
import io.iotseal.server.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends to the hash-chained audit log (ADR 0023). Every state change calls {@link #record} inside
 * its own transaction, so the entry exists exactly when the change does. Appends are serialised by
 * locking the single {@code audit_head} row, which also keeps the last hash so that cutting entries
 * off the end of the chain is noticed too.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Takes the chain's lock now rather than at {@link #record}: a change that also locks another shared
     * row (the label signing keys) calls this first, so every transaction locks the chain before that row
     * and two of them never wait for each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockChain() {
        jdbc.sql("select last_seq from audit_head where id = 1 for update").query(Long.class).single();
    }

    /** Records a change; {@code before} is null for a creation, {@code after} for a deletion. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(Actor actor, String action, String entityType, Object entityId, Object before, Object after) {
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        AuditEntry entry = AuditChain.link(head.lastSeq() + 1, clock.instant(), actor.auditName(), action, entityType,
                String.valueOf(entityId), json(before), json(after), head.lastHash());
        jdbc.sql("insert into audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, before_json,"
                        + " after_json, prev_hash, hash, hash_format) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.seq(), entry.at().atOffset(ZoneOffset.UTC), entry.actor(), entry.action(),
                        entry.entityType(), entry.entityId(), entry.before(), entry.after(), entry.prevHash(),
                        entry.hash(), entry.format())
                .update();
        jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1")
                .params(entry.seq(), entry.hash()).update();
        return entry;
    }

    /** Entries, newest first, optionally of one kind of record or one record. */
    @Transactional(readOnly = true)
    public List<AuditEntry> list(String entityType, String entityId, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(entityType, entityId, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from audit_entry" + where + " order by seq desc limit :limit offset :offset")
                .params(params).query((rs, n) -> JdbcAuditLog.map(rs)).list();
    }

    @Transactional(readOnly = true)
    public long count(String entityType, String entityId) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(entityType, entityId, params);
        return jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
    }

    // Only the filters given become SQL: PostgreSQL cannot type a bare "? is null" parameter.
    private static String where(String entityType, String entityId, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (entityType != null) {
            sql.append(" and entity_type = :type");
            params.put("type", entityType);
        }
        if (entityId != null) {
            sql.append(" and entity_id = :id");
            params.put("id", entityId);
        }
        return sql.toString();
    }

    /** Checks the whole chain, and that it ends where the head says it ends (the CLI's check too). */
    @Transactional(readOnly = true)
    public AuditChainVerifier.Result verify() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return JdbcAuditLog.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serialisable", e);
        }
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
