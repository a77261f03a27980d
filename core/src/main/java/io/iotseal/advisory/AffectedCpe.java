package io.iotseal.advisory;

/**
 * A CPE applicability statement (NVD {@code cpeMatch} with {@code vulnerable: true}, or a JVN iPedia CPE):
 * the fallback when a component has no package URL; matches on it are of lower confidence.
 *
 * @param criteria       a CPE 2.3 formatted string; its version field may be {@code *} (then the bounds decide)
 * @param startIncluding lowest affected version, inclusive, or null
 * @param startExcluding lowest bound, exclusive, or null
 * @param endIncluding   highest affected version, inclusive, or null
 * @param endExcluding   first version no longer affected, or null
 */
public record AffectedCpe(String criteria, String startIncluding, String startExcluding, String endIncluding,
                          String endExcluding) {
}
