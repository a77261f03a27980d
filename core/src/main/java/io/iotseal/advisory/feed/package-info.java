/**
 * Readers for the advisory feeds an operator mirrors offline (issue 16 item 2, ADR 0092): OSV, NVD CVE API
 * 2.0, JVN iPedia (MyJVN) and the CISA KEV catalog, into the records of {@code io.iotseal.advisory}.
 * Framework-free; all or nothing per import.
 */
package io.iotseal.advisory.feed;
