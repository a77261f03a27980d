/**
 * CRA report drafts for people (issue 17 item 4, ADR 0097): a vulnerability case mapped to the core's
 * {@code io.iotseal.disclosure.CraReportInput} ({@link io.iotseal.server.reporting.CaseDrafts}), served as JSON and
 * as a PDF rendered with the Declaration of Conformity's embedded Japanese font under
 * {@code /api/v1/cases/{id}/cra-drafts/}. This package uses the cases package, never the other way round.
 */
package io.iotseal.server.reporting;
