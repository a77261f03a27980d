/**
 * Coordinated vulnerability disclosure (issue 17): the moments of a vulnerability case, the reporting clocks
 * that regulations and schemes attach to them (CRA Article 14; a scheme's acknowledgement and embargo
 * periods) read as versioned data, the deadlines computed from a case's moments, and drafts of the CRA
 * reports for the manufacturer to submit (ADR 0097). Framework-free: the server stores cases and shows the
 * deadlines; this package only computes.
 */
package io.iotseal.disclosure;
