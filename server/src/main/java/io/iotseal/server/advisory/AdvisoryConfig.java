package io.iotseal.server.advisory;

import com.github.kagkarlsson.scheduler.task.Task;
import io.iotseal.server.web.RequestSizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.regex.Pattern;

/** Advisory feeds, matching and their jobs (ADR 0095). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdvisoryProperties.class)
class AdvisoryConfig {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/advisory-feeds/[^/]+/?");

    @Bean
    RematchQueue rematchQueue(DataSource dataSource) {
        return new RematchQueue(AdvisoryJobs.client(dataSource));
    }

    /**
     * Runs the jobs on this instance unless iotseal.advisories.scheduler=false (it then only queues them). Other
     * modules' one-time tasks (Task beans, e.g. the survey re-match of ADR 0108) run on the same scheduler.
     */
    @Bean
    @ConditionalOnProperty(name = "iotseal.advisories.scheduler", havingValue = "true", matchIfMissing = true)
    AdvisoryJobs advisoryJobs(DataSource dataSource, AdvisoryProperties properties, FindingMatcher matcher,
                              AdvisoryRepository repository, MirrorImport mirror, Clock clock,
                              ObjectProvider<Task<?>> others) {
        return new AdvisoryJobs(dataSource, properties, matcher, repository, mirror, clock,
                others.orderedStream().toList());
    }

    /** Feed uploads are capped by iotseal.advisories.max-bytes in the controller (413 naming the limit). */
    @Bean
    RequestSizeLimitFilter.OwnSizeLimit advisoryFeedUploads() {
        return request -> "POST".equals(request.getMethod())
                && UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }
}
