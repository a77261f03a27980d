package io.iotseal.probe.survey.nats;

import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.survey.AddressRange;
import io.iotseal.probe.survey.OptOutList;
import io.iotseal.probe.survey.SurveyProbe;
import io.iotseal.probe.survey.SurveyScope;
import io.iotseal.probe.survey.SurveyTimeouts;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;

/** The production backend: the signed-off {@link SurveyScope} and the {@link SurveyProbe} with the global permits. */
public final class ProbeBackend implements SurveyBackend {
    private final Clock clock;
    private final SurveyTimeouts timeouts;

    public ProbeBackend(Clock clock) {
        this(clock, SurveyTimeouts.DEFAULT);
    }

    /** @param timeouts this worker's waits per device (not part of the scope: they change speed, not reach) */
    public ProbeBackend(Clock clock, SurveyTimeouts timeouts) {
        this.clock = clock;
        this.timeouts = timeouts;
    }

    /** The engine's view of a survey scope. */
    public static ScopeView view(SurveyScope scope) {
        return new View(scope);
    }

    @Override
    public ScopeView scope(byte[] canonicalJson) {
        return new View(SurveyScope.parse(new String(canonicalJson, StandardCharsets.UTF_8), "the campaign bucket"));
    }

    @Override
    public AddressObserver observer(ScopeView scope, byte[] optOut, RateLimiter limiter, int parallel, String worker) {
        SurveyProbe probe = new SurveyProbe(((View) scope).scope, optOutList(optOut), limiter, parallel, clock, worker,
                timeouts);
        return new AddressObserver() {
            @Override
            public byte[] observe(InetAddress address) {
                return probe.observe(address).toJson();
            }

            @Override
            public void close() {
                probe.close();
            }
        };
    }

    /** The opt-out list as the coordinator stored it (the file's text), read by the list's own parser. */
    static OptOutList optOutList(byte[] text) {
        return text.length == 0 ? OptOutList.none()
                : OptOutList.parse(new String(text, StandardCharsets.UTF_8), "the campaign's opt-out list");
    }

    private record View(SurveyScope scope) implements ScopeView {
        @Override
        public String id() {
            return scope.id();
        }

        @Override
        public String sha256() {
            return scope.sha256();
        }

        @Override
        public byte[] canonicalJson() {
            return scope.canonicalJson();
        }

        @Override
        public double rate() {
            return scope.rate();
        }

        @Override
        public Stream<String> ranges() {
            return scope.workItemStream().map(AddressRange::text);
        }

        @Override
        public long addressCount() {
            return scope.addressCount();
        }

        @Override
        public long itemCount() {
            return scope.workItemCount();
        }

        @Override
        public boolean covers(InetAddress address) {
            return scope.covers(address);
        }

        @Override
        public boolean inWindow(Instant instant) {
            return scope.inWindow(instant);
        }

        @Override
        public Iterable<InetAddress> addresses(String range) {
            return AddressRange.parse(range);
        }
    }
}
