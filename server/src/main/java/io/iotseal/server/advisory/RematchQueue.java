package io.iotseal.server.advisory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Queues the re-match of what an import touched as a db-scheduler task (ADR 0095). The client writes through
 * the caller's transaction (its data source is transaction-aware), so the task exists exactly when the
 * import committed, and runs after a restart or on another instance if this one stops.
 */
public class RematchQueue {

    static final String TASK = "advisory-rematch";

    private final SchedulerClient client;

    RematchQueue(SchedulerClient client) {
        this.client = client;
    }

    void enqueue(UUID importId, Collection<String> keys) {
        client.scheduleIfNotExists(new TaskInstance<>(TASK, importId.toString(), encode(importId, keys)), Instant.now());
    }

    /** The task's data: the import's id, then one key per line (keys never hold a line break: see MatchKeys). */
    static String encode(UUID importId, Collection<String> keys) {
        return importId + "\n" + String.join("\n", keys);
    }

    record Request(UUID importId, List<String> keys) {
    }

    static Request decode(String data) {
        List<String> lines = new ArrayList<>(Arrays.asList(data.split("\n")));
        UUID id = UUID.fromString(lines.removeFirst());
        lines.removeIf(String::isEmpty);
        return new Request(id, lines);
    }
}
