package io.iotseal.vex;

/** The VEX document formats {@link VexReader} reads (ADR 0094). */
public enum VexFormat {
    /** CycloneDX 1.4–1.6 JSON with {@code vulnerabilities[].analysis}. */
    CYCLONEDX_JSON,
    /** CycloneDX 1.4–1.6 XML with {@code <vulnerabilities>}. */
    CYCLONEDX_XML,
    /** OpenVEX 0.2.0 JSON. */
    OPENVEX_JSON,
    /** CSAF 2.0 JSON with {@code document.category} "csaf_vex". */
    CSAF_VEX_JSON
}
