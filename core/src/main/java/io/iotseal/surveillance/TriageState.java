package io.iotseal.surveillance;

/**
 * Where a finding stands in the vendor's triage. {@code UNTRIAGED} is the vendor's silence, which a policy
 * may treat like "affected" once enough time has passed; the others are the VEX statuses.
 */
public enum TriageState {
    UNTRIAGED, UNDER_INVESTIGATION, AFFECTED, NOT_AFFECTED, FIXED
}
