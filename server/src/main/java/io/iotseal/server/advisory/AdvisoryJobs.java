package io.iotseal.server.advisory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The advisory jobs on db-scheduler (issue 16 item 7, ADR 0095): the re-match an import queued (one-time, per
 * import), the daily full re-match, and the mirror folder import when a folder is configured (recurring).
 * Executions live in {@code scheduled_tasks} (V28): they survive restarts, and instances pick them with
 * optimistic row updates, so each runs once however many instances there are. Started after the context
 * is ready (the migrations have run), stopped before the data source closes.
 */
public class AdvisoryJobs implements SmartLifecycle {

    static final String FULL_REMATCH = "advisory-full-rematch";
    static final String MIRROR_IMPORT = "advisory-mirror-import";

    private static final Logger log = LoggerFactory.getLogger(AdvisoryJobs.class);

    private final Scheduler scheduler;
    private volatile boolean running;

    AdvisoryJobs(DataSource dataSource, AdvisoryProperties properties, FindingMatcher matcher,
                 AdvisoryRepository repository, MirrorImport mirror, Clock clock, List<Task<?>> others) {
        OneTimeTask<String> rematch = Tasks.oneTime(RematchQueue.TASK, String.class).execute((instance, context) -> {
            RematchQueue.Request r = RematchQueue.decode(instance.getData());
            FindingMatcher.Result result = matcher.rematchKeys(r.keys());
            repository.markRematched(r.importId(), OffsetDateTime.now(clock));
            log.info("Re-match after import {}: {} keys, {} components, {} findings opened, {} gone", r.importId(),
                    result.keys(), result.components(), result.opened(), result.gone());
        });
        List<RecurringTask<?>> recurring = new ArrayList<>();
        recurring.add(Tasks.recurring(FULL_REMATCH, Schedules.daily(properties.fullRematchAt()))
                .execute((instance, context) -> matcher.rematchAll()));
        if (properties.mirrorDir() != null) {
            recurring.add(Tasks.recurring(MIRROR_IMPORT, Schedules.fixedDelay(properties.mirrorInterval()))
                    .execute((instance, context) -> mirror.run()));
        }
        List<Task<?>> known = new ArrayList<>();
        known.add(rematch);
        known.addAll(others);
        this.scheduler = builder(dataSource, properties, known).startTasks(recurring).build();
    }

    /** The scheduler settings every instance uses (tests build a second instance with them). */
    static com.github.kagkarlsson.scheduler.SchedulerBuilder builder(DataSource dataSource, AdvisoryProperties properties,
                                                                      List<Task<?>> tasks) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .pollingInterval(properties.schedulerPoll())
                .threads(properties.schedulerThreads())
                .schedulerName(new SchedulerName.Hostname())
                // A shutdown does not wait for a long re-match: the execution is revived after the restart.
                .shutdownMaxWait(Duration.ofSeconds(30))
                .enableImmediateExecution();
    }

    /** A client that only schedules: it writes through the caller's transaction. */
    static SchedulerClient client(DataSource dataSource) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource)).build();
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
