package io.iotseal.advisory;

/**
 * A severity as the feed states it.
 *
 * @param type   {@code CVSS_V2}, {@code CVSS_V3} (3.0 and 3.1) or {@code CVSS_V4}, as OSV names them
 * @param vector the CVSS vector string as published, e.g. {@code CVSS:3.1/AV:N/AC:L/...}
 */
public record Severity(String type, String vector) {
}
