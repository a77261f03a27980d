/**
 * Reading documents given to us (SBOMs, VEX documents, advisory feeds) safely and the same way everywhere:
 * strict JSON ({@link io.iotseal.document.StrictJson}), XML with DOCTYPE refused
 * ({@link io.iotseal.document.SafeXml}), schema problems located by JSON pointer
 * ({@link io.iotseal.document.SchemaProblems}) and CycloneDX validated and parsed by the CycloneDX library
 * ({@link io.iotseal.document.CycloneDxInput}). Failures are checked exceptions without a reason code, so
 * each reader turns them into its own public exception ({@code SbomException}, {@code VexException},
 * {@code FeedException}) with the wording its callers expect. Framework-free; depends on no other package
 * of the core.
 */
package io.iotseal.document;
