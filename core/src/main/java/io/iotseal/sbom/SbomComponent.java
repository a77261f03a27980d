package io.iotseal.sbom;

/**
 * One component an SBOM lists: a CycloneDX component or an SPDX package.
 *
 * @param ref      the document's own reference for it (CycloneDX {@code bom-ref}, SPDX {@code SPDXID}), or null
 * @param name     its name
 * @param version  its version as the document states it, or null
 * @param purl     its package URL in canonical form, or null when it has none or an invalid one
 * @param cpe      its CPE (2.3 formatted string or 2.2 URI) as stated, or null
 * @param supplier the supplier's name, or null
 */
public record SbomComponent(String ref, String name, String version, String purl, String cpe, String supplier) {
}
