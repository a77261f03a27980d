package io.iotseal.server.disclosure;

import io.iotseal.disclosure.DeadlineState;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the case's vendor and the operator when a reporting deadline becomes due soon or overdue (ADR 0101), through
 * the outbox as private label events (the case's label; never public). Nothing in the case changes at that instant,
 * so, as {@code label.LabelCalendar} does, the check records each event once, keyed by case, clock and occasion:
 * a second run, or a second instance at the same time, records nothing new. A deadline first seen overdue gets the
 * overdue event only. The data names the case, the clock and the due instant, never the report's text (webhooks
 * may carry it out). Public so that tests run it on their own clock.
 */
@Service
public class DeadlineCheck {

    private static final int BATCH = 500;

    private final CaseClocks clocks;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    DeadlineCheck(CaseClocks clocks, Outbox outbox, PlatformTransactionManager transactions) {
        this.clocks = clocks;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${iotseal.cases.deadline-check:PT10M}",
            initialDelayString = "${iotseal.cases.deadline-first-check:PT1M}")
    public void scheduled() {
        recordDue();
    }

    /** Records the events of every running case, one transaction per batch; answers how many were new. */
    public int recordDue() {
        Instant now = clocks.now();
        int recorded = 0;
        UUID after = null;
        while (true) {
            List<CaseClocks.Clocked> batch = clocks.running(null, after, BATCH);
            if (batch.isEmpty()) {
                return recorded;
            }
            Integer n = transaction.execute(tx -> batch.stream().mapToInt(c -> due(c, now)).sum());
            recorded += n == null ? 0 : n;
            after = batch.get(batch.size() - 1).id();
        }
    }

    private int due(CaseClocks.Clocked c, Instant now) {
        int n = 0;
        for (CaseDeadline d : clocks.deadlines(c, now)) {
            if (!d.needsAttention()) {
                continue;
            }
            EventType type = d.state() == DeadlineState.OVERDUE ? EventType.CASE_DEADLINE_OVERDUE
                    : EventType.CASE_DEADLINE_DUE_SOON;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("caseId", c.id().toString());
            data.put("regime", d.regime());
            data.put("clockId", d.clockId());
            data.put("due", d.due().toString());
            // At most 22 + 36 + 64 + 64 + 3 characters (ids are checked when the clocks are read): fits the column's 200.
            String key = type.code() + ":" + c.id() + ":" + d.regime() + ":" + d.clockId();
            n += outbox.labelPrivatelyOnce(type, c.label(), key, data) ? 1 : 0;
        }
        return n;
    }
}
