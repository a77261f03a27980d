package io.iotseal.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Beans the whole server shares; scheduled housekeeping (idempotency keys) is switched on here. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ServerConfig {

    /** One clock for timestamps, so tests could fix time if they need to. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
