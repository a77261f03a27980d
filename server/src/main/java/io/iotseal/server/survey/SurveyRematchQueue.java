package io.iotseal.server.survey;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import java.time.Instant;
import java.util.UUID;

/**
 * Queues a re-match of stored observations as a db-scheduler task (ADR 0108, as the advisory re-match of ADR 0095).
 * The client writes through the caller's transaction, so the task exists exactly when the declaration, removal or
 * operator request committed, and runs after a restart if one came between. Each request is its own execution (a
 * random instance id): one queued while another pass of the same kind runs must not be lost to it, and a pass is
 * idempotent, so two that overlap cost time but change nothing twice.
 */
class SurveyRematchQueue {

    static final String TASK = "survey-rematch";

    private final SchedulerClient client;

    SurveyRematchQueue(SchedulerClient client) {
        this.client = client;
    }

    void enqueue(SurveyRematch.Scope scope) {
        String data = scope.encode();
        client.scheduleIfNotExists(new TaskInstance<>(TASK, data + ":" + UUID.randomUUID(), data), Instant.now());
    }
}
