package io.iotseal.server.disclosure;

import io.iotseal.server.page.Page;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the deadline table and the queue say (ADR 0101): a due instant in the reader's language, always in UTC (the
 * clocks are computed in UTC, and a legal deadline should read the same to the vendor and the operator wherever
 * they are), and why a clock has no due instant yet.
 */
public final class DeadlineText {

    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm 'UTC'", Locale.JAPANESE);

    private DeadlineText() {
    }

    /** {@code t} in UTC, written the reader's way ("1 Dec 2026, 13:00 UTC", "2026年12月1日 13:00 UTC"). */
    public static String time(OffsetDateTime t, Locale reader) {
        if (t == null) {
            return "";
        }
        return t.withOffsetSameInstant(ZoneOffset.UTC).format("ja".equals(reader.getLanguage()) ? JA : EN);
    }

    /** Why the deadline has no due instant, in the page's language; null when it has one. */
    public static String waiting(Page page, CaseDeadline d) {
        if (d.waiting() == null) {
            return null;
        }
        return switch (d.waiting()) {
            case "TRIGGER_NOT_RECORDED" -> page.t("case.deadline.waiting.trigger", moment(page, d.trigger().name()));
            case "START_NOT_RECORDED" -> page.t("case.deadline.waiting.start", moment(page, d.start().name()));
            case "BEFORE_REGIME_APPLIES" -> page.t("case.deadline.waiting.beforeRegime", moment(page, d.trigger().name()));
            default -> d.waitingReason();
        };
    }

    private static String moment(Page page, String name) {
        return page.t("case.deadline.moment." + name);
    }

    /** The moments the vendor may still record on this case (each only once), in {@link CaseMoment}'s order. */
    public static List<CaseMoment> unrecorded(CaseView.Moments m) {
        return Arrays.stream(CaseMoment.values()).filter(cm -> cm.in(m) == null).toList();
    }
}
