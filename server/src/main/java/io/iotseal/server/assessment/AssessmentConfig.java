package io.iotseal.server.assessment;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.server.web.RequestSizeLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The standards library the assessments resolve against, and the evidence route's own size cap. */
@Configuration(proxyBeanMethods = false)
class AssessmentConfig {

    private static final Pattern EVIDENCE_UPLOAD = Pattern.compile("/api/v1/assessments/[^/]+/evidence/?");

    /**
     * The standards data, loaded and validated once: built in, or the operator's own folder (an
     * {@code index.yaml} and the files it lists) when {@code iotseal.standards.folder} is set — the way
     * an operator supplies criteria the built-in data lacks (JC-STAR ★2–★4, the BSI label), without which
     * assessments of those levels are refused (issue 10).
     */
    @Bean
    StandardsLibrary standardsLibrary(@Value("${iotseal.standards.folder:}") String folder) {
        return folder.isBlank() ? StandardsLoader.loadBuiltIn() : StandardsLoader.loadFrom(Path.of(folder));
    }

    /** Evidence uploads are capped by iotseal.evidence.max-bytes in the controller (413 naming "file"). */
    @Bean
    RequestSizeLimitFilter.OwnSizeLimit evidenceUploads() {
        return request -> "POST".equals(request.getMethod())
                && EVIDENCE_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }
}
