/**
 * Matching SBOM components against advisories (issue 16 item 3, ADR 0093): by package URL first, with OSV
 * ranges evaluated by each ecosystem's version rules (the {@code versatile} library); by CPE only as a marked,
 * lower-confidence fallback; and the CVSS score a finding shows. A version that cannot be compared is reported
 * as undecided, never as "not affected".
 */
package io.iotseal.advisory.match;
