package io.iotseal.probe.survey.nats;

import io.iotseal.probe.net.RateLimiter;

/**
 * How a worker turns what the coordinator stored into a scope and an observer. The production backend is
 * {@link ProbeBackend} (the survey probe); tests and the benchmark plug in stand-ins to measure the engine alone.
 */
public interface SurveyBackend {
    /** The scope from its canonical JSON as stored in the bucket. */
    ScopeView scope(byte[] canonicalJson);

    /**
     * The observer for one campaign on this worker.
     *
     * @param optOut   the opt-out list's text as the coordinator stored it; empty for none
     * @param limiter  the campaign's global rate limit: every connection must take a permit from it
     * @param parallel addresses probed at the same time by this worker
     */
    AddressObserver observer(ScopeView scope, byte[] optOut, RateLimiter limiter, int parallel, String worker);
}
