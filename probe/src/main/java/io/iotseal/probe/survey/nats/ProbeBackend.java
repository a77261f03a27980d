package io.iotseal.probe.survey.nats;

import io.iotseal.probe.net.RateLimiter;

/** The production backend: the survey scope and the survey probe (wired when the survey package lands). */
public final class ProbeBackend implements SurveyBackend {
    @Override
    public ScopeView scope(byte[] canonicalJson) {
        throw new UnsupportedOperationException("not yet wired");
    }

    @Override
    public AddressObserver observer(ScopeView scope, byte[] optOut, RateLimiter limiter, int parallel, String worker) {
        throw new UnsupportedOperationException("not yet wired");
    }
}
