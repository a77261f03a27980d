package io.iotseal.server.advisory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.iotseal.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs survive restarts and run once across instances (issue 16 item 7, ADR 0095): a task queued while one
 * scheduler ran, then stopped before it was due (the restart), is run by the schedulers started afterwards
 * on the same database, and by exactly one of the two. Schedulers built as the server builds its own
 * ({@link AdvisoryJobs#builder}), with a task of this test's own (the server's scheduler does not know it,
 * so it leaves it alone).
 */
class JobsSurviveRestartTest extends ApiTest {

    @Autowired
    private DataSource dataSource;
    @Autowired
    private AdvisoryProperties properties;

    private static final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    private final String taskName = "restart-test-" + UUID.randomUUID().toString().substring(0, 8);

    private Scheduler scheduler(String name) {
        Task<String> task = Tasks.oneTime(taskName, String.class).execute((instance, context) ->
                runs.computeIfAbsent(instance.getId(), k -> new AtomicInteger()).incrementAndGet());
        return AdvisoryJobs.builder(dataSource, properties, List.of(task))
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(name))
                .pollingInterval(Duration.ofMillis(200))
                .build();
    }

    @Test
    void aTaskQueuedBeforeARestartRunsOnceOnTheInstancesAfterIt() throws Exception {
        Scheduler before = scheduler("before-restart");
        before.start();
        SchedulerClient client = AdvisoryJobs.client(dataSource);
        String id = "job-" + UUID.randomUUID();
        client.schedule(new TaskInstance<>(taskName, id, "data"), Instant.now().plusSeconds(2));
        before.stop();
        assertThat(runs.get(id)).isNull();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(taskName, id).query(Long.class).single()).isEqualTo(1);

        Scheduler one = scheduler("after-1");
        Scheduler two = scheduler("after-2");
        one.start();
        two.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (runs.get(id) == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // Both instances keep polling for a while: the execution must not run a second time.
            Thread.sleep(1500);
        } finally {
            one.stop();
            two.stop();
        }
        assertThat(runs.get(id)).as("executions of the queued task").isNotNull().hasValue(1);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(taskName, id).query(Long.class).single()).isZero();
    }
}
