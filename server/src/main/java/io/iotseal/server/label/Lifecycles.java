package io.iotseal.server.label;

import io.iotseal.label.LabelLifecycle;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Renewal;
import io.iotseal.scheme.SchemeLevel;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renewal window and pending lapse of a label, from its level's data and the registry's records, for the
 * API and the public page. Where the data does not know the window it says so, with the data's note:
 * nothing is guessed (ADR 0053).
 */
@Component
class Lifecycles {

    private final LifecycleRepository repository;
    private final StandardsLibrary library;
    private final Clock clock;

    Lifecycles(LifecycleRepository repository, StandardsLibrary library, Clock clock) {
        this.repository = repository;
        this.library = library;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    SchemeLevel level(LabelRow row) {
        return library.requireLevel(new LevelRef(row.scheme(), row.level()));
    }

    Optional<LabelLifecycle.Window> window(LabelRow row) {
        return LabelLifecycle.renewalWindow(row.label(), level(row));
    }

    LifecycleView view(LabelRow row) {
        LifecycleRepository.State s = repository.state(row.id());
        Renewal data = level(row).renewal();
        Optional<LabelLifecycle.Window> window = window(row);
        LocalDate today = today();
        String state = window.map(w -> w.contains(today) ? "open" : today.isBefore(w.opens()) ? "not-yet-open" : "closed")
                .orElse("not-known");
        var renewal = new LifecycleView.Renewal(window.isPresent(), window.map(LabelLifecycle.Window::opens).orElse(null),
                window.map(LabelLifecycle.Window::closes).orElse(null), state,
                data == null || data.lapseAfterRequirementChange() == null ? null : data.lapseAfterRequirementChange().toString(),
                data == null || data.note() == null ? Map.of() : data.note().asMap(),
                data == null || data.confidence() == null ? null : data.confidence().code(),
                data == null ? List.of() : data.sources());
        LifecycleView.Lapse lapse = s.lapseOn() == null ? null
                : new LifecycleView.Lapse(s.lapseOn(), s.changedOn(), s.changeNote(), s.changeReference());
        return new LifecycleView(renewal, lapse, s.renewalOf(), s.renewedBy(),
                repository.openRequest(row.id()).map(LifecycleView.RequestView::of).orElse(null));
    }

    /** What the public page shows, in {@code lang}: the window or the data's note, the pending lapse, the renewal. */
    LabelPage.Lifecycle page(LabelRow row, String lang) {
        LifecycleRepository.State s = repository.state(row.id());
        Renewal data = level(row).renewal();
        Optional<LabelLifecycle.Window> window = window(row);
        String note = data == null || data.note() == null ? null : data.note().in(lang);
        return new LabelPage.Lifecycle(window.map(LabelLifecycle.Window::opens).orElse(null),
                window.map(LabelLifecycle.Window::closes).orElse(null), note, s.lapseOn(), s.changedOn(),
                s.renewedByLabelId(), s.renewedByExpiry());
    }
}
