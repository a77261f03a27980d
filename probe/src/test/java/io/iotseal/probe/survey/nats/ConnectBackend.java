package io.iotseal.probe.survey.nats;

import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.target.Target;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The engine's stand-in backend: one paced connection per address to a port (or none at all, {@code connect}
 * false: the no-op observer of the benchmark), and a minimal observation line naming campaign and address.
 */
record ConnectBackend(int port, boolean connect) implements SurveyBackend {
    @Override
    public ScopeView scope(byte[] canonicalJson) {
        return RangeScope.fromJson(canonicalJson);
    }

    @Override
    public AddressObserver observer(ScopeView scope, byte[] optOut, RateLimiter limiter, int parallel, String worker) {
        return address -> {
            boolean reached = false;
            if (connect) {
                Dialer dialer = new Dialer(new Target(address.getHostAddress(), address), limiter, 1, Duration.ofSeconds(5));
                try (Connection c = dialer.connect(port)) {
                    reached = true;
                } catch (java.io.IOException e) {
                    reached = false;
                }
            }
            return ("{\"campaign\":\"" + scope.id() + "\",\"address\":\"" + address.getHostAddress() + "\",\"reached\":"
                    + reached + ",\"worker\":\"" + worker + "\"}").getBytes(StandardCharsets.UTF_8);
        };
    }
}
