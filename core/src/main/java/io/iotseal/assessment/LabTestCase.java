package io.iotseal.assessment;

import io.iotseal.catalog.RequirementRef;

/**
 * A lab's test case as the outputs show it (ETSI TS 103 701 style): a conceptual assessment of the
 * documentation or a functional one of the device, with its verdict (pass, fail, not-applicable,
 * inconclusive) and what was seen.
 */
public record LabTestCase(RequirementRef requirement, String testId, boolean functional, String verdict,
                          String description, String result) {
}
