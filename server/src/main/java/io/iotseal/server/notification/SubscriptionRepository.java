package io.iotseal.server.notification;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for subscriptions (V19__notifications.sql). Filter lists are stored space-separated. */
@Repository
class SubscriptionRepository {

    static final RowMapper<Subscription> ROW = (rs, n) -> new Subscription(rs.getObject("id", UUID.class),
            rs.getObject("organization_id", UUID.class), Scope.valueOf(rs.getString("scope")),
            Channel.valueOf(rs.getString("channel")), rs.getString("url"), rs.getString("email"), rs.getString("locale"),
            split(rs.getString("event_types")), split(rs.getString("label_ids")),
            split(rs.getString("vendor_ids")).stream().map(UUID::fromString).collect(Collectors.toCollection(LinkedHashSet::new)),
            rs.getString("secret"), rs.getString("previous_secret"),
            rs.getObject("previous_secret_until", OffsetDateTime.class), rs.getBoolean("active"),
            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription s) {
        jdbc.sql("insert into subscription (id, organization_id, scope, channel, url, email, locale, event_types, label_ids,"
                        + " vendor_ids, secret, active, created_by, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, 1)")
                .params(s.id(), s.organizationId(), s.scope().name(), s.channel().name(), s.url(), s.email(), s.locale(),
                        join(s.types()), join(s.labelIds()), join(s.vendorIds()), s.secret(), s.createdBy(),
                        s.createdAt(), s.updatedAt())
                .update();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("select * from subscription where id = ? and active").param(id).query(ROW).optional();
    }

    /** Active subscriptions of the organizations given (null: of all), oldest first. */
    List<Subscription> list(Collection<UUID> organizations) {
        if (organizations == null) {
            return jdbc.sql("select * from subscription where active order by created_at, id").query(ROW).list();
        }
        if (organizations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from subscription where active and organization_id in (:orgs) order by created_at, id")
                .param("orgs", List.copyOf(organizations)).query(ROW).list();
    }

    /** Every active subscription, for the fan-out. */
    List<Subscription> active() {
        return list(null);
    }

    /** Replaces the secret; the old one keeps signing until {@code graceUntil}. False if the version moved. */
    boolean rotate(UUID id, long version, String secret, OffsetDateTime graceUntil, OffsetDateTime now) {
        return jdbc.sql("update subscription set previous_secret = secret, previous_secret_until = ?, secret = ?,"
                        + " updated_at = ?, version = ? where id = ? and version = ? and active")
                .params(graceUntil, secret, now, version + 1, id, version).update() == 1;
    }

    /**
     * Ends a subscription: kept (its deliveries refer to it) but inactive, its secrets dropped, its pending
     * deliveries removed so nothing more is sent.
     */
    boolean deactivate(UUID id, OffsetDateTime now) {
        jdbc.sql("delete from notification_delivery where subscription_id = ? and state = 'PENDING'").param(id).update();
        return jdbc.sql("update subscription set active = false, secret = null, previous_secret = null, updated_at = ?,"
                        + " version = version + 1 where id = ? and active")
                .params(now, id).update() == 1;
    }

    static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of()
                : Arrays.stream(s.trim().split(" +")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String join(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
