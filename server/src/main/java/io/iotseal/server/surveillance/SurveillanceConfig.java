package io.iotseal.server.surveillance;

import io.iotseal.server.web.RequestSizeLimitFilter;
import io.iotseal.surveillance.SurveillancePolicies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The surveillance policies: the built-in file, or an operator's own ({@code iotseal.surveillance.policy-file});
 * checked at start so that a bad rule stops the server rather than proposing nonsense (ADR 0096).
 */
@Configuration(proxyBeanMethods = false)
class SurveillanceConfig {

    private static final Pattern VEX_UPLOAD = Pattern.compile("/api/v1/products/[^/]+/versions/[^/]+/vex/?");

    /** VEX imports are capped like SBOMs (iotseal.sbom.max-bytes) in {@link VexService}, not by the general cap. */
    @Bean
    RequestSizeLimitFilter.OwnSizeLimit vexUploads() {
        return RequestSizeLimitFilter.OwnSizeLimit.posts(VEX_UPLOAD);
    }

    @Bean
    SurveillancePolicies surveillancePolicies(@Value("${iotseal.surveillance.policy-file:}") String file) throws IOException {
        if (file.isBlank()) {
            return SurveillancePolicies.builtIn();
        }
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            return SurveillancePolicies.read(in, path.toString());
        }
    }
}
