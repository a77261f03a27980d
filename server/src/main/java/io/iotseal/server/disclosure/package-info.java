/**
 * Vulnerability reports and their cases (issue 17 items 1-2, ADR 0099): the public report form on a label's
 * page, the reporter's capability link, the case with its thread and attachments, its states
 * ({@link io.iotseal.disclosure.CaseState}) and moments, and the vendor's and operator's console pages. Nothing
 * of a case is public before it is disclosed; other packages hear of changes through {@link CaseDisclosed} and
 * {@link CaseStateChanged}.
 */
package io.iotseal.server.disclosure;
