package io.iotseal.server;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database the tests run on, chosen by the system property {@code iotseal.test.db}: {@code h2}
 * (in memory, PostgreSQL mode) or {@code postgresql} (the real server on 127.0.0.1:5432, database
 * {@code test}, user {@code postgres}). Surefire runs the whole suite once with each (server/pom.xml).
 * On PostgreSQL every test JVM gets its own schema, dropped when the JVM ends, so runs never collide or
 * leave data behind. If PostgreSQL cannot be reached the tests FAIL with a message saying so: a
 * silent skip would let CI pass without ever having tested the production database.
 */
public final class TestDatabase {

    public static final String PG_URL = System.getProperty("iotseal.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("iotseal.test.pg.user", "postgres");

    private static String url;

    private TestDatabase() {
    }

    public static String kind() {
        return System.getProperty("iotseal.test.db", "h2");
    }

    public static boolean postgres() {
        return kind().equals("postgresql");
    }

    public static synchronized String url() {
        if (url == null) {
            url = switch (kind()) {
                case "h2" -> "jdbc:h2:mem:iotseal-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
                case "postgresql" -> freshPostgresSchema();
                default -> throw new IllegalStateException("iotseal.test.db must be h2 or postgresql, not " + kind());
            };
        }
        return url;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", () -> postgres() ? PG_USER : "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("iotseal.labels.keystore", TestDatabase::keystore);
        registry.add("iotseal.standards.folder", TestStandards::folder);
    }

    /**
     * Another database, empty, for tests that start server instances of their own (H2: another in-memory
     * database; PostgreSQL: another schema, dropped when the JVM ends).
     */
    public static String freshUrl() {
        return postgres() ? freshPostgresSchema() : "jdbc:h2:mem:iotseal-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** A fresh PostgreSQL schema whatever {@code iotseal.test.db} says, for tests that need PostgreSQL itself. */
    public static String freshPostgresUrl() {
        return freshPostgresSchema();
    }

    private static String keystore;

    /**
     * The label keystore goes with the database (which key signs is recorded there, ADR 0051): one per
     * test JVM, shared by its contexts, so keys the tests rotate in do not pile up across runs.
     */
    public static synchronized String keystore() {
        if (keystore == null) {
            keystore = "target/test-keys/" + kind() + "-" + UUID.randomUUID().toString().substring(0, 8) + "/labels.p12";
            java.nio.file.Path dir = java.nio.file.Path.of(keystore).getParent();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = java.nio.file.Files.list(dir)) {
                    for (java.nio.file.Path f : files.toList()) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                    java.nio.file.Files.deleteIfExists(dir);
                } catch (java.io.IOException ignored) {
                    // Best effort, under target/: mvn clean takes what is left.
                }
            }));
        }
        return keystore;
    }

    private static String freshPostgresSchema() {
        String schema = "iotseal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL tests cannot run: cannot connect to " + PG_URL + " as "
                    + PG_USER + " (" + e.getMessage() + "). Start it with `bash .ci/services.sh`; these tests are"
                    + " required, not optional.", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException ignored) {
                // Best effort: a leftover schema only takes space; its name says it is a test's.
            }
        }));
        return PG_URL + "?currentSchema=" + schema;
    }
}
