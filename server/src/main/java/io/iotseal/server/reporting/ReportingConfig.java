package io.iotseal.server.reporting;

import io.iotseal.disclosure.ReportingClocks;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.Scheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reporting clocks (ADR 0097): the built-in file, or an operator's own ({@code iotseal.disclosure.clocks-file}),
 * checked at start against the standards library's schemes, so a bad file stops the server instead of showing
 * wrong deadlines.
 */
@Configuration(proxyBeanMethods = false)
class ReportingConfig {

    @Bean
    ReportingClocks reportingClocks(StandardsLibrary standards,
                                    @Value("${iotseal.disclosure.clocks-file:}") String file) throws IOException {
        List<String> schemeIds = standards.schemes().stream().map(Scheme::id).toList();
        if (file.isBlank()) {
            return ReportingClocks.builtIn(schemeIds);
        }
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            return ReportingClocks.read(in, path.toString(), schemeIds);
        }
    }
}
