package io.iotseal.server.sbom;

import io.iotseal.sbom.SbomParser;
import io.iotseal.server.web.RequestSizeLimitFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.regex.Pattern;

/** The SBOM parser (its schemas loaded once) and the upload route's own size cap (ADR 0091). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SbomProperties.class)
class SbomConfig {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/products/[^/]+/versions/[^/]+/sboms/?");

    @Bean
    SbomParser sbomParser() {
        return new SbomParser();
    }

    /** SBOM uploads are capped by iotseal.sbom.max-bytes in {@link SbomService} (413 naming the limit). */
    @Bean
    RequestSizeLimitFilter.OwnSizeLimit sbomUploads() {
        return RequestSizeLimitFilter.OwnSizeLimit.posts(UPLOAD);
    }
}
