package io.iotseal.server.account;

import io.iotseal.server.access.Role;
import io.iotseal.server.access.Membership;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users, memberships and API tokens, in plain SQL. */
@Repository
public class AccountRepository {

    private static final String USER_COLUMNS =
            "u.id, u.username, u.display_name, u.email, u.password_hash, u.enabled, u.created_at, u.version,"
                    + " u.session_epoch, u.must_change_password, u.password_expires_at";
    private static final RowMapper<User> USER = (rs, n) -> new User(rs.getObject("id", UUID.class),
            rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
            rs.getString("password_hash"), rs.getBoolean("enabled"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getLong("version"), rs.getLong("session_epoch"),
            rs.getBoolean("must_change_password"), rs.getObject("password_expires_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account a name signs in as, whatever its case; an exact match first, for the rare pair of
     * names that differed only in case before names became case-insensitive (V11).
     */
    public Optional<User> findByUsername(String username) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user u where u.username_key = ? or u.username = ?"
                        + " order by case when u.username = ? then 0 else 1 end limit 1")
                .params(key(username), username, username).query(USER).optional();
    }

    /** The case-insensitive form under which a user name is unique. User names are ASCII (UserInput). */
    static String key(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<User> find(UUID id) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user u where u.id = ?").param(id).query(USER).optional();
    }

    public List<Membership> memberships(UUID userId) {
        return jdbc.sql("select organization_id, role from membership where user_id = ? order by organization_id, role")
                .param(userId)
                .query((rs, n) -> new Membership(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2))))
                .list();
    }

    public void insert(User user) {
        jdbc.sql("insert into app_user (id, username, username_key, display_name, email, password_hash, enabled,"
                        + " created_at, version, session_epoch, must_change_password, password_expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), user.username(), key(user.username()), user.displayName(), user.email(),
                        user.passwordHash(), user.enabled(), user.createdAt(), user.version(), user.sessionEpoch(),
                        user.mustChangePassword(), user.passwordExpiresAt())
                .update();
    }

    /**
     * Sets a password and ends the user's sessions (the caller's own session is then carried over to
     * the new epoch by the controller). {@code expiresAt} non-null: a one-time password that must be
     * changed at the next sign-in. Answers the new session epoch; empty when the version moved on.
     */
    public Optional<Long> setPassword(UUID userId, String passwordHash, long expectedVersion, OffsetDateTime expiresAt) {
        int updated = jdbc.sql("update app_user set password_hash = ?, must_change_password = ?, password_expires_at = ?,"
                        + " session_epoch = session_epoch + 1, version = version + 1 where id = ? and version = ?")
                .params(passwordHash, expiresAt != null, expiresAt, userId, expectedVersion).update();
        return updated == 1 ? find(userId).map(User::sessionEpoch) : Optional.empty();
    }

    /** Disables or re-enables; either way the user's sessions end. */
    public void setEnabled(UUID userId, boolean enabled) {
        jdbc.sql("update app_user set enabled = ?, session_epoch = session_epoch + 1, version = version + 1 where id = ?")
                .params(enabled, userId).update();
    }

    /** Ends every session of the user, on every instance: each checks the epoch on every request. */
    public void endSessions(UUID userId) {
        jdbc.sql("update app_user set session_epoch = session_epoch + 1 where id = ?").param(userId).update();
    }

    public void addMembership(UUID userId, Membership m, OffsetDateTime at) {
        jdbc.sql("insert into membership (user_id, organization_id, role, created_at) values (?, ?, ?, ?)")
                .params(userId, m.organizationId(), m.role().name(), at).update();
    }

    public boolean removeMembership(UUID userId, Membership m) {
        return jdbc.sql("delete from membership where user_id = ? and organization_id = ? and role = ?")
                .params(userId, m.organizationId(), m.role().name()).update() == 1;
    }

    /** Users in any of the organizations, or all users when {@code organizations} is null. */
    public List<User> list(Collection<UUID> organizations, int limit, long offset) {
        if (organizations == null) {
            return jdbc.sql("select " + USER_COLUMNS + " from app_user u order by u.username limit ? offset ?")
                    .params(limit, offset).query(USER).list();
        }
        return jdbc.sql("select " + USER_COLUMNS + " from app_user u where u.id in (select m.user_id from membership m"
                        + " where m.organization_id in (:orgs)) order by u.username limit :limit offset :offset")
                .param("orgs", organizations).param("limit", limit).param("offset", offset).query(USER).list();
    }

    public long count(Collection<UUID> organizations) {
        if (organizations == null) {
            return jdbc.sql("select count(*) from app_user").query(Long.class).single();
        }
        return jdbc.sql("select count(distinct m.user_id) from membership m where m.organization_id in (:orgs)")
                .param("orgs", organizations).query(Long.class).single();
    }

    public long countUsers() {
        return count(null);
    }

    // --- API tokens -------------------------------------------------------------------------------

    public void insertToken(ApiToken token, String tokenHash) {
        jdbc.sql("insert into api_token (id, user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(token.id(), token.userId(), token.name(), tokenHash, token.createdAt(), token.expiresAt())
                .update();
    }

    /** The enabled user that a token hash belongs to, if the token has not expired. */
    public Optional<UUID> userForToken(String tokenHash, OffsetDateTime now) {
        return jdbc.sql("select t.user_id from api_token t join app_user u on u.id = t.user_id"
                        + " where t.token_hash = ? and u.enabled = true and (t.expires_at is null or t.expires_at > ?)")
                .params(tokenHash, now).query(UUID.class).optional();
    }

    public List<ApiToken> tokens(UUID userId) {
        return jdbc.sql("select id, user_id, name, created_at, expires_at from api_token where user_id = ? order by created_at, id")
                .param(userId)
                .query((rs, n) -> new ApiToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    public Optional<ApiToken> token(UUID id, UUID userId) {
        return tokens(userId).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public boolean deleteToken(UUID id, UUID userId) {
        return jdbc.sql("delete from api_token where id = ? and user_id = ?").params(id, userId).update() == 1;
    }
}
