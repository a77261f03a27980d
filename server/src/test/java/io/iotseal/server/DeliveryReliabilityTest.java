package io.iotseal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's promises across processes (issue 13, ADR 0081), always on PostgreSQL, where instances in
 * separate processes share a database (server/pom.xml runs this class only in the PostgreSQL execution).
 * A server in a child JVM is killed (SIGKILL) while delivering 1,000 committed events; after a restart
 * every event has been delivered, and every copy a receiver got carries the event's own id, so a
 * receiver that de-duplicates by {@code webhook-id} sees each event once. Two instances on one schema
 * deliver each event exactly once.
 */
class DeliveryReliabilityTest {

    private static final int EVENTS = 1000;
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(
            "reliability-test-secret-32-bytes".getBytes());
    private final ObjectMapper json = new ObjectMapper();

    private static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, TestDatabase.PG_USER, "");
    }

    /** A migrated fresh schema with one organization and a webhook subscription to {@code hook}; answers the subscription. */
    private static UUID prepare(String url, String hook) throws Exception {
        Flyway.configure().dataSource(url, TestDatabase.PG_USER, "").locations("classpath:db/migration").load().migrate();
        UUID org = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        try (Connection c = connect(url)) {
            try (PreparedStatement s = c.prepareStatement("insert into organization (id, kind, name, created_at, updated_at,"
                    + " version) values (?, 'SCHEME_OPERATOR', 'Reliability operator', now(), now(), 1)")) {
                s.setObject(1, org);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into subscription (id, organization_id, scope, channel, url,"
                    + " event_types, label_ids, vendor_ids, secret, active, created_by, created_at, updated_at, version)"
                    + " values (?, ?, 'ALL', 'WEBHOOK', ?, '', '', '', ?, true, 'test', now(), now(), 1)")) {
                s.setObject(1, subscription);
                s.setObject(2, org);
                s.setString(3, hook);
                s.setString(4, SECRET);
                s.executeUpdate();
            }
        }
        return subscription;
    }

    /** Commits {@code n} events, as the outbox writes them; answers their ids. */
    private static Set<String> commitEvents(String url, int n) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = connect(url); PreparedStatement s = c.prepareStatement("insert into notification_event (id, type,"
                + " subject, public_event, data, occurred_at, fanned_out) values (?, 'label.suspended', ?, true, ?, ?, false)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id.toString());
                s.setObject(1, id);
                s.setString(2, String.format("REL%09d", i));
                s.setString(3, "{\"n\":" + i + "}");
                s.setObject(4, OffsetDateTime.now());
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        }
        return ids;
    }

    private static long delivered(String url) throws Exception {
        try (Connection c = connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from notification_delivery where state = 'DELIVERED'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> settings(String url, Path dir) {
        return List.of("--spring.profiles.active=test", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.PG_USER, "--spring.datasource.password=",
                "--iotseal.labels.keystore=" + dir.resolve("labels.p12"), "--iotseal.data-dir=" + dir,
                "--iotseal.standards.folder=" + TestStandards.folder(), "--server.port=0",
                "--iotseal.notifications.poll-interval=PT0.1S", "--iotseal.notifications.concurrency=8",
                "--iotseal.notifications.batch-size=16", "--iotseal.notifications.connect-timeout=PT1S",
                "--iotseal.notifications.request-timeout=PT2S", "--iotseal.notifications.lease=PT5S",
                "--iotseal.notifications.max-attempts=20");
    }

    private static Process child(String url, Path dir, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IotSealServer.class.getName()));
        command.addAll(settings(url, dir));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    @Test
    void aServerKilledMidDeliveryDeliversEveryCommittedEventAfterRestartUnderTheEventsOwnId(@TempDir Path dir) throws Exception {
        String url = TestDatabase.freshPostgresUrl();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.delayMillis = 10; // 8 in flight at 10 ms each: about 800 a second, so the kill lands mid-way
            prepare(url, receiver.url("/reliability"));
            Set<String> events = commitEvents(url, EVENTS);

            Process first = child(url, dir, "first");
            try {
                WebhookReceiver.eventually(Duration.ofSeconds(120), "the first instance delivers 300 (log: "
                        + dir.resolve("first.log") + ")", () -> receiver.received().size() >= 300 || !first.isAlive());
                assertThat(first.isAlive()).as("the first instance is still delivering").isTrue();
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
                first.waitFor();
            }
            int beforeRestart = receiver.received().size();
            assertThat(beforeRestart).isLessThan(EVENTS);

            Process second = child(url, dir, "second");
            try {
                WebhookReceiver.eventually(Duration.ofSeconds(120), "every event delivered after the restart",
                        () -> {
                            try {
                                return delivered(url) == EVENTS;
                            } catch (Exception e) {
                                return false;
                            }
                        });
            } finally {
                second.destroy();
                second.waitFor();
            }

            Map<String, Set<String>> idsPerEvent = new HashMap<>();
            for (WebhookReceiver.Received r : receiver.received()) {
                String eventId = json.readTree(r.body()).get("id").asText();
                idsPerEvent.computeIfAbsent(eventId, k -> new HashSet<>()).add(r.header("webhook-id"));
            }
            assertThat(idsPerEvent.keySet()).as("every committed event reached the receiver").containsExactlyInAnyOrderElementsOf(events);
            assertThat(idsPerEvent).allSatisfy((event, webhookIds) -> assertThat(webhookIds).containsExactly(event));
            WebhookReceiver.Received any = receiver.received().get(0);
            new Webhook(SECRET).verify(any.body(), any.headers());
            System.out.printf("kill -9 test: %d requests before the kill, %d in all for %d events (%d sent twice)%n",
                    beforeRestart, receiver.received().size(), EVENTS, receiver.received().size() - EVENTS);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseDeliverEachEventOnce(@TempDir Path dir) throws Exception {
        String url = TestDatabase.freshPostgresUrl();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.delayMillis = 2;
            prepare(url, receiver.url("/two"));
            String[] args = settings(url, dir).toArray(String[]::new);
            try (ConfigurableApplicationContext a = new SpringApplicationBuilder(IotSealServer.class).run(args);
                 ConfigurableApplicationContext b = new SpringApplicationBuilder(IotSealServer.class).run(args)) {
                Set<String> events = commitEvents(url, EVENTS);
                WebhookReceiver.eventually(Duration.ofSeconds(120), "every event delivered", () -> {
                    try {
                        return delivered(url) == EVENTS;
                    } catch (Exception e) {
                        return false;
                    }
                });
                Thread.sleep(1000); // anything sent twice would have arrived by now
                List<String> received = new ArrayList<>();
                for (WebhookReceiver.Received r : receiver.received()) {
                    received.add(json.readTree(r.body()).get("id").asText());
                }
                assertThat(received).hasSize(EVENTS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(events);
            }
        }
    }
}
