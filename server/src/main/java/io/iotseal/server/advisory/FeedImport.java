package io.iotseal.server.advisory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One feed import and what it changed.
 *
 * @param kind           OSV, NVD, JVN or KEV
 * @param name           the uploaded file's name or the mirror folder
 * @param sha256         of the uploaded bytes; for a folder, of its file names, sizes and modification times
 * @param advisories     advisories read
 * @param newCount       advisories stored for the first time
 * @param updatedCount   advisories whose {@code modified} was newer than the stored one
 * @param unchangedCount advisories not newer than the stored one (left as they were)
 * @param withdrawnCount new or updated advisories that are withdrawn (their findings are marked gone)
 * @param kevCount       KEV entries new or changed
 * @param touchedKeys    match keys (purl, CPE vendor:product) the re-match looks at
 * @param rematchedAt    when the re-match of those keys finished; null while it is queued
 */
public record FeedImport(UUID id, String kind, String name, String sha256, int advisories, int newCount,
                         int updatedCount, int unchangedCount, int withdrawnCount, int kevCount, int touchedKeys,
                         List<String> warnings, String importedBy, OffsetDateTime importedAt,
                         OffsetDateTime rematchedAt) {
}
