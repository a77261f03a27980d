package io.iotseal.server.organization;

import io.iotseal.server.access.OrganizationKind;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organizations in plain SQL. */
@Repository
public class OrganizationRepository {

    private static final String COLUMNS = "id, kind, name, name_ja, country, created_at, updated_at, version";
    private static final RowMapper<Organization> ROW = (rs, n) -> new Organization(rs.getObject("id", UUID.class),
            OrganizationKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("name_ja"),
            rs.getString("country"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));

    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organization> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from organization where id = ?").param(id).query(ROW).optional();
    }

    /** A page of organizations, all of them ({@code ids} null) or only those with the given ids. */
    public List<Organization> list(Collection<UUID> ids, OrganizationKind kind, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from organization" + where(ids, kind)
                        + " order by name, id limit :limit offset :offset")
                .params(params(ids, kind)).param("limit", limit).param("offset", offset).query(ROW).list();
    }

    public long count(Collection<UUID> ids, OrganizationKind kind) {
        return jdbc.sql("select count(*) from organization" + where(ids, kind)).params(params(ids, kind))
                .query(Long.class).single();
    }

    public void insert(Organization o) {
        jdbc.sql("insert into organization (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.kind().name(), o.name(), o.nameJa(), o.country(), o.createdAt(), o.updatedAt(),
                        o.version())
                .update();
    }

    /** Writes the new state if the stored version is still {@code expectedVersion}; false otherwise. */
    public boolean update(Organization o, long expectedVersion) {
        return jdbc.sql("update organization set name = ?, name_ja = ?, country = ?, updated_at = ?, version = ?"
                        + " where id = ? and version = ?")
                .params(o.name(), o.nameJa(), o.country(), o.updatedAt(), o.version(), o.id(), expectedVersion)
                .update() == 1;
    }

    private static String where(Collection<UUID> ids, OrganizationKind kind) {
        String sql = " where 1 = 1";
        if (ids != null) {
            sql += ids.isEmpty() ? " and 1 = 0" : " and id in (:ids)";
        }
        if (kind != null) {
            sql += " and kind = :kind";
        }
        return sql;
    }

    private static java.util.Map<String, Object> params(Collection<UUID> ids, OrganizationKind kind) {
        var params = new java.util.HashMap<String, Object>();
        if (ids != null && !ids.isEmpty()) {
            params.put("ids", ids);
        }
        if (kind != null) {
            params.put("kind", kind.name());
        }
        return params;
    }
}
