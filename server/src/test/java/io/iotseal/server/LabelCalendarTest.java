package io.iotseal.server;

import io.iotseal.server.label.LabelCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar's events (ADR 0081): support period ending in 180/90/30 days, expiry, renewal window
 * opened, each recorded once however often the job runs.
 */
class LabelCalendarTest extends ApiTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private TestClock clock;
    @Autowired
    private LabelCalendar calendar;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The label's calendar events in order, a support warning with its days ({@code label.support-ending:90}). */
    private List<String> events(String labelId) {
        return jdbc.sql("select type, data from notification_event where label_id = ? and type <> 'label.issued'"
                        + " order by occurred_at, type")
                .param(labelId).query((rs, n) -> {
                    String type = rs.getString(1);
                    try {
                        return type.equals("label.support-ending")
                                ? type + ":" + json.readTree(rs.getString(2)).get("daysLeft").asInt() : type;
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).list();
    }

    @Test
    void supportEndingAndExpiryAreRecordedOnceEach() {
        LocalDate today = TestClock.realToday();
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID product = fixtures.product("Calendar Cam " + UUID.randomUUID().toString().substring(0, 8), today.plusDays(100));
        var accepted = fixtures.accepted("jc-star:star-1", product, "1.0.0");
        var label = jdbc.sql("select label_id, expiry from label where assessment_id = ?").param(accepted.id())
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))).single();
        String id = label.getKey();

        calendar.recordDue();
        calendar.recordDue();
        assertThat(events(id)).containsExactly("label.support-ending:180");

        clock.setToday(today.plusDays(20)); // 80 days left
        calendar.recordDue();
        clock.setToday(today.plusDays(75)); // 25 days left: the 30-day warning, once
        calendar.recordDue();
        calendar.recordDue();
        assertThat(events(id)).containsExactly("label.support-ending:180", "label.support-ending:90", "label.support-ending:30");

        clock.setToday(label.getValue().plusDays(1));
        calendar.recordDue();
        calendar.recordDue();
        assertThat(events(id)).endsWith("label.expired").filteredOn(e -> e.equals("label.expired")).hasSize(1);
    }

    @Test
    void anOpenRenewalWindowIsRecordedOnce() {
        var accepted = new AssessmentFixtures(context, world).renewableBsi("Window Cam " + UUID.randomUUID().toString().substring(0, 8));
        String id = jdbc.sql("select label_id from label where assessment_id = ?").param(accepted.id()).query(String.class).single();
        calendar.recordDue();
        calendar.recordDue();
        assertThat(events(id)).filteredOn(e -> e.equals("label.renewal-window-opened")).hasSize(1);
    }
}
