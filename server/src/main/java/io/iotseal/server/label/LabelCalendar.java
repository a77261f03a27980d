package io.iotseal.server.label;

import io.iotseal.label.LabelLifecycle;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Events that no request causes but the calendar does (ADR 0081): a label expired, its renewal window
 * opened, its product's support period ends in 180, 90 or 30 days. Nothing in the label row changes at
 * those moments, so the job records each event once, keyed by label and occasion (the outbox's dedupe
 * key): a second run, or a second instance running at the same time, records nothing new. A label whose
 * support ends in 20 days when first seen gets the 30-day event only, not all three at once. Public so
 * that tests run it on their own clock.
 */
@Service
public class LabelCalendar {

    static final int[] SUPPORT_WARNINGS = {180, 90, 30};
    /** How far ahead of expiry a renewal window may open: no scheme's data states more than a year. */
    private static final int WINDOW_LOOKAHEAD_DAYS = 400;
    private static final int BATCH = 500;

    private final LabelRepository labels;
    private final Lifecycles lifecycles;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    LabelCalendar(LabelRepository labels, Lifecycles lifecycles, Outbox outbox, PlatformTransactionManager transactions) {
        this.labels = labels;
        this.lifecycles = lifecycles;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${iotseal.notifications.calendar-check:PT1H}", initialDelayString = "${iotseal.notifications.calendar-first-check:PT30S}")
    public void scheduled() {
        recordDue();
    }

    /** Records the calendar's due events, one transaction per batch of labels; answers how many were new. */
    public int recordDue() {
        LocalDate today = lifecycles.today();
        int recorded = 0;
        UUID after = null;
        while (true) {
            List<LabelRow> batch = labels.activeForCalendar(today.plusDays(WINDOW_LOOKAHEAD_DAYS),
                    today.plusDays(SUPPORT_WARNINGS[0]), after, BATCH);
            if (batch.isEmpty()) {
                return recorded;
            }
            Integer n = transaction.execute(tx -> batch.stream().mapToInt(row -> due(row, today)).sum());
            recorded += n == null ? 0 : n;
            after = batch.get(batch.size() - 1).id();
        }
    }

    private int due(LabelRow row, LocalDate today) {
        int n = 0;
        if (row.expiry().isBefore(today)) {
            n += once(EventType.LABEL_EXPIRED, row, "expired", Map.of());
        } else {
            Optional<LabelLifecycle.Window> window = lifecycles.window(row);
            if (window.isPresent() && !today.isBefore(window.get().opens())) {
                n += once(EventType.LABEL_RENEWAL_WINDOW_OPENED, row, "window-" + window.get().opens(), Map.of(
                        "windowOpens", window.get().opens().toString(), "windowCloses", window.get().closes().toString()));
            }
        }
        long daysLeft = ChronoUnit.DAYS.between(today, row.supportEnd());
        if (daysLeft >= 0) {
            Integer tightest = null;
            for (int warning : SUPPORT_WARNINGS) {
                if (daysLeft <= warning) {
                    tightest = warning;
                }
            }
            if (tightest != null) {
                n += once(EventType.LABEL_SUPPORT_ENDING, row, "support-" + tightest,
                        Map.of("daysLeft", tightest, "supportEnd", row.supportEnd().toString()));
            }
        }
        return n;
    }

    private int once(EventType type, LabelRow row, String occasion, Map<String, Object> extra) {
        return outbox.labelOnce(type, row.id(), type.code() + ":" + row.id() + ":" + occasion, extra) ? 1 : 0;
    }
}
