package io.iotseal.server.survey;

import io.iotseal.server.web.RequestSizeLimitFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.regex.Pattern;

/** Observation uploads are capped at 16 MiB by {@link IngestService} itself, not by the general request cap. */
@Configuration(proxyBeanMethods = false)
class SurveyConfig {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/surveys/[^/]+/observations/?");

    @Bean
    RequestSizeLimitFilter.OwnSizeLimit surveyUploads() {
        return RequestSizeLimitFilter.OwnSizeLimit.posts(UPLOAD);
    }
}
