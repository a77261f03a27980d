package io.iotseal.server.survey;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.iotseal.server.web.RequestSizeLimitFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.regex.Pattern;

/**
 * Observation uploads are capped at 16 MiB by {@link IngestService} itself, not by the general request cap. The
 * re-match job (ADR 0108) is a task bean that the registry's one db-scheduler runs (ADR 0095), so it runs on the
 * instances that run jobs and only once across them.
 */
@Configuration(proxyBeanMethods = false)
class SurveyConfig {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/surveys/[^/]+/observations/?");

    @Bean
    RequestSizeLimitFilter.OwnSizeLimit surveyUploads() {
        return RequestSizeLimitFilter.OwnSizeLimit.posts(UPLOAD);
    }

    /** Writes through the caller's transaction: a queued re-match exists exactly when its cause committed. */
    @Bean
    SurveyRematchQueue surveyRematchQueue(DataSource dataSource) {
        return new SurveyRematchQueue(SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
                .build());
    }

    @Bean
    Task<String> surveyRematchTask(SurveyRematch rematch) {
        return Tasks.oneTime(SurveyRematchQueue.TASK, String.class).execute((instance, context) ->
                rematch.run(SurveyRematch.Scope.decode(instance.getData())));
    }
}
