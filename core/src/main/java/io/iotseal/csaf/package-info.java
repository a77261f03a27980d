/**
 * CSAF 2.0 (OASIS Common Security Advisory Framework) advisories and the files of a CSAF provider (issue 17
 * item 6, ADR 0098): {@link io.iotseal.csaf.CsafAdvisory} is what the registry knows of a disclosed
 * vulnerability, {@link io.iotseal.csaf.CsafWriter} turns it into a CSAF document of the
 * {@code csaf_security_advisory} or {@code csaf_vex} profile (keys sorted, so the same advisory gives the same
 * bytes), {@link io.iotseal.csaf.CsafFileName} names its file (CSAF 2.0 section 5.1), and
 * {@link io.iotseal.csaf.CsafProviderFiles} writes {@code provider-metadata.json}, {@code index.txt},
 * {@code changes.csv} and the {@code .sha512} files (CSAF 2.0 section 7.1). Framework-free; signing is
 * {@link io.iotseal.openpgp}'s.
 */
package io.iotseal.csaf;
