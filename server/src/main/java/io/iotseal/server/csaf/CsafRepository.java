package io.iotseal.server.csaf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The published CSAF documents and the publication log behind changes.csv (V32__csaf.sql). */
@Repository
class CsafRepository {

    /** A stored document with what is served beside it. */
    record Stored(String trackingId, String fileName, int year, String profile, int version,
                  Instant currentReleaseDate, String document, String sha512, String signature, String signedBy,
                  Instant publishedAt) {
        String path() {
            return year + "/" + fileName;
        }
    }

    private final JdbcClient jdbc;

    CsafRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current revision, its row locked until the transaction ends (republishing is serialised per id). */
    Optional<Stored> lockByTrackingId(String trackingId) {
        return jdbc.sql("select * from csaf_advisory where tracking_id = ? for update").param(trackingId)
                .query(CsafRepository::map).optional();
    }

    Optional<Stored> byTrackingId(String trackingId) {
        return jdbc.sql("select * from csaf_advisory where tracking_id = ?").param(trackingId)
                .query(CsafRepository::map).optional();
    }

    Optional<Stored> byPath(int year, String fileName) {
        return jdbc.sql("select * from csaf_advisory where release_year = ? and file_name = ?").params(year, fileName)
                .query(CsafRepository::map).optional();
    }

    List<Stored> all() {
        return jdbc.sql("select * from csaf_advisory order by release_year, file_name").query(CsafRepository::map).list();
    }

    List<io.iotseal.csaf.CsafProviderFiles.Change> changes() {
        return jdbc.sql("select path, current_release_date from csaf_change")
                .query((rs, n) -> new io.iotseal.csaf.CsafProviderFiles.Change(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant())).list();
    }

    Optional<Instant> lastPublished() {
        // max() of no rows is one null row, which single() refuses (a 500 before the first publication).
        return jdbc.sql("select max(published_at) from csaf_advisory")
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single()
                .map(OffsetDateTime::toInstant);
    }

    void insert(Stored s) {
        jdbc.sql("insert into csaf_advisory (tracking_id, file_name, release_year, profile, version,"
                        + " current_release_date, document, sha512, signature, signed_by, published_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.trackingId(), s.fileName(), s.year(), s.profile(), s.version(), utc(s.currentReleaseDate()),
                        s.document(), s.sha512(), s.signature(), s.signedBy(), utc(s.publishedAt()))
                .update();
    }

    void replace(Stored s) {
        jdbc.sql("update csaf_advisory set profile = ?, version = ?, current_release_date = ?, document = ?,"
                        + " sha512 = ?, signature = ?, signed_by = ?, published_at = ? where tracking_id = ?")
                .params(s.profile(), s.version(), utc(s.currentReleaseDate()), s.document(), s.sha512(), s.signature(),
                        s.signedBy(), utc(s.publishedAt()), s.trackingId())
                .update();
    }

    void logChange(Stored s) {
        jdbc.sql("insert into csaf_change (tracking_id, path, current_release_date) values (?, ?, ?)")
                .params(s.trackingId(), s.path(), utc(s.currentReleaseDate())).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Stored map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getString("tracking_id"), rs.getString("file_name"), rs.getInt("release_year"),
                rs.getString("profile"), rs.getInt("version"),
                rs.getObject("current_release_date", OffsetDateTime.class).toInstant(), rs.getString("document"),
                rs.getString("sha512"), rs.getString("signature"), rs.getString("signed_by"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant());
    }
}
