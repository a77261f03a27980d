package io.iotseal.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans the whole server shares. */
@Configuration(proxyBeanMethods = false)
public class ServerConfig {

    /** One clock for timestamps, so tests could fix time if they need to. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
