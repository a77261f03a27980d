package io.iotseal.server.assessment;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.server.web.RequestSizeLimitFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.regex.Pattern;

/** The standards library the assessments resolve against, and the evidence route's own size cap. */
@Configuration(proxyBeanMethods = false)
class AssessmentConfig {

    private static final Pattern EVIDENCE_UPLOAD = Pattern.compile("/api/v1/assessments/[^/]+/evidence/?");

    /** The built-in standards data, loaded and validated once. */
    @Bean
    StandardsLibrary standardsLibrary() {
        return StandardsLoader.loadBuiltIn();
    }

    /** Evidence uploads are capped by iotseal.evidence.max-bytes in the controller (413 naming "file"). */
    @Bean
    RequestSizeLimitFilter.OwnSizeLimit evidenceUploads() {
        return request -> "POST".equals(request.getMethod())
                && EVIDENCE_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }
}
