/**
 * Vulnerability advisories as IoTSeal keeps them (issue 16): one model for what OSV, NVD, JVN and the CISA
 * KEV catalog publish, so that feed readers ({@code advisory.feed}), matching against SBOM components
 * ({@code advisory.match}) and the registry's store all speak the same records. Framework-free.
 */
package io.iotseal.advisory;
