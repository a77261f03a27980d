package io.iotseal.server.organization;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Name change requests in plain SQL, each read with its organization's current name. */
@Repository
class NameChangeRepository {

    private static final String SELECT = "select c.id, c.organization_id, o.name as current_name, c.name, c.name_ja,"
            + " c.state, c.requested_by, c.requested_at, c.decided_by, c.decided_at, c.comment"
            + " from organization_name_change c join organization o on o.id = c.organization_id";
    private static final RowMapper<NameChange> ROW = (rs, n) -> new NameChange(rs.getObject("id", UUID.class),
            rs.getObject("organization_id", UUID.class), rs.getString("current_name"), rs.getString("name"),
            rs.getString("name_ja"), rs.getString("state"), rs.getString("requested_by"),
            rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"),
            rs.getObject("decided_at", OffsetDateTime.class), rs.getString("comment"));

    private final JdbcClient jdbc;

    NameChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NameChange> find(UUID organization, UUID id) {
        return jdbc.sql(SELECT + " where c.id = ? and c.organization_id = ?").params(id, organization).query(ROW).optional();
    }

    Optional<NameChange> pending(UUID organization) {
        return jdbc.sql(SELECT + " where c.organization_id = ? and c.state = 'PENDING'").param(organization)
                .query(ROW).optional();
    }

    /** An organization's requests, newest first. */
    List<NameChange> ofOrganization(UUID organization) {
        return jdbc.sql(SELECT + " where c.organization_id = ? order by c.requested_at desc, c.id").param(organization)
                .query(ROW).list();
    }

    /** Every pending request, oldest first: the operator's queue. */
    List<NameChange> allPending() {
        return jdbc.sql(SELECT + " where c.state = 'PENDING' order by c.requested_at, c.id").query(ROW).list();
    }

    void insert(NameChange c) {
        jdbc.sql("insert into organization_name_change (id, organization_id, name, name_ja, state, requested_by,"
                        + " requested_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.organizationId(), c.name(), c.nameJa(), c.state(), c.requestedBy(), c.requestedAt())
                .update();
    }

    /** Records a decision if the request is still pending; false if it was decided meanwhile. */
    boolean decide(NameChange c) {
        return jdbc.sql("update organization_name_change set state = ?, decided_by = ?, decided_at = ?, comment = ?"
                        + " where id = ? and state = 'PENDING'")
                .params(c.state(), c.decidedBy(), c.decidedAt(), c.comment(), c.id()).update() == 1;
    }
}
