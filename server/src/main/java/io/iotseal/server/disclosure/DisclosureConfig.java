package io.iotseal.server.disclosure;

import io.iotseal.server.web.RequestSizeLimitFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.regex.Pattern;

/** The intake's settings and the attachment routes' own size cap (ADR 0099). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseProperties.class)
class DisclosureConfig {

    private static final Pattern CASE_ATTACHMENTS = Pattern.compile("/api/v1/cases/[^/]+/attachments/?");
    private static final Pattern LINK_ATTACHMENTS = Pattern.compile("/api/v1/case-links/[^/]+/attachments/?");
    private static final Pattern PAGE_ATTACHMENTS = Pattern.compile("/cases/[^/]+/attachments/?");

    /** Attachments are capped by iotseal.cases.max-attachment-bytes in {@link CaseAttachments} (413 naming it). */
    @Bean
    RequestSizeLimitFilter.OwnSizeLimit caseAttachmentUploads() {
        return RequestSizeLimitFilter.OwnSizeLimit.posts(CASE_ATTACHMENTS, LINK_ATTACHMENTS, PAGE_ATTACHMENTS);
    }
}
