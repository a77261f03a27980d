package io.iotseal.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/** A limiter backed by a permit source (a survey's global rate) takes one permit per connection attempt. */
class RateLimiterPermitSourceTest {
    @Test
    void everyAcquireTakesOnePermitFromTheSource() {
        AtomicInteger taken = new AtomicInteger();
        RateLimiter limiter = new RateLimiter(taken::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }
        assertThat(taken).hasValue(5);
    }

    @Test
    void anInterruptedWaitEndsWithTheFlagSet() {
        RateLimiter limiter = new RateLimiter(() -> {
            throw new InterruptedException();
        });
        limiter.acquire();
        assertThat(Thread.interrupted()).isTrue();
    }
}
