package io.iotseal.server.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;

/**
 * The rows of {@code evidence_blob}: one per content stored in the {@link EvidenceStore} (ADR 0041), shared by
 * evidence, SBOMs (ADR 0091) and VEX documents (ADR 0096), so that a content uploaded twice is recorded once.
 */
@Component
public class EvidenceBlobs {

    private final JdbcClient jdbc;

    EvidenceBlobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a blob once; a second upload of the same content finds it there. */
    public void recordIfAbsent(String sha256, long size, String mediaType, OffsetDateTime now) {
        jdbc.sql("insert into evidence_blob (sha256, size_bytes, media_type, created_at) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(sha256, size, mediaType, now).update();
    }
}
