/**
 * CRA report drafts for people (issue 17 item 4, ADR 0097): the core's {@code io.iotseal.disclosure.CraReportDraft}
 * rendered as a PDF with the Declaration of Conformity's embedded Japanese font. No endpoints here: the case
 * pages offer the drafts.
 */
package io.iotseal.server.reporting;
