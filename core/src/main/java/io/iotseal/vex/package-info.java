/**
 * VEX documents (issue 16 item 4, ADR 0094): a vendor's triage of a vulnerability for a component of a
 * product version, read from CycloneDX VEX, OpenVEX and CSAF VEX documents into one model
 * ({@link io.iotseal.vex.VexStatement}) and written out as CycloneDX 1.6 VEX. Framework-free; the server
 * stores the statements and refuses those naming components its SBOM does not list
 * ({@link io.iotseal.vex.VexStatements#unknownComponents}).
 */
package io.iotseal.vex;
