package io.iotseal.probe.finding;

/**
 * An ETSI TS 103 701 test case a finding is evidence for, e.g. "5.1-5-2" (functional test of provision
 * 5.1-5). {@code verified} is false when the id was taken from a published test report rather than checked
 * against the TS 103 701 text itself; reports show such ids as unverified.
 */
public record TestCaseRef(String id, boolean verified) {
    public String label() {
        return "TS 103 701 " + id + (verified ? "" : " (unverified)");
    }
}
