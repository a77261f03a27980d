package io.iotseal.server.assessment;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.server.web.RequestSizeLimitFilter;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The standards library the assessments resolve against, and the evidence route's own size cap. */
@Configuration(proxyBeanMethods = false)
class AssessmentConfig {

    /** The label check page's photo cap (4 MiB), the largest upload of a route outside this package. */
    private static final long LARGEST_OTHER_UPLOAD = 4L * 1024 * 1024;

    private static final Pattern EVIDENCE_UPLOAD = Pattern.compile("/api/v1/assessments/[^/]+/evidence/?");
    /** The vendor console's upload form (ADR 0085); multipart, capped by {@link #multipartConfig}. */
    private static final Pattern EVIDENCE_FORM = Pattern.compile("/vendor/assessments/[^/]+/evidence/?");

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
        return RequestSizeLimitFilter.OwnSizeLimit.posts(EVIDENCE_UPLOAD, EVIDENCE_FORM);
    }

    /**
     * Multipart forms (the vendor console's evidence upload, ADR 0085): a file up to the evidence cap, the
     * whole request up to the cap plus 64 KiB for the form's small fields. The container refuses a declared
     * length over that before reading the body, and stops reading an undeclared one at it; parts over 1 MiB
     * go to a temporary file, not to memory. Replaces Spring Boot's default (1 MB per file).
     */
    @Bean
    MultipartConfigElement multipartConfig(EvidenceProperties evidence) {
        // The container's limits hold for every multipart route, so they take the largest upload any route
        // accepts: evidence, or the label check page's 4 MiB photo (label.LabelCheck.MAX_PHOTO_BYTES, which the
        // assessment package cannot name). Each handler checks its own cap before it reads the part.
        long largest = Math.max(evidence.maxBytes(), LARGEST_OTHER_UPLOAD);
        return new MultipartConfigElement("", largest, largest + 64 * 1024, 1024 * 1024);
    }
}
