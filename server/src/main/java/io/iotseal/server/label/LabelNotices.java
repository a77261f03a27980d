package io.iotseal.server.label;

import java.util.List;
import java.util.UUID;

/**
 * The vendor notices a label's public page shows (issue 17 item 5, ADR 0100): firmware updates, fixed versions
 * and support period changes the operator acknowledged. Behind this interface, as {@link SecurityInformation},
 * because the notices (package {@code notice}) depend on labels.
 */
public interface LabelNotices {

    /** The acknowledged notices with a public consequence for the product, the newest first. */
    List<LabelPage.Update> ofProduct(UUID productId);

    /**
     * A value that moves whenever a notice is acknowledged: remembered label pages are rendered afresh when it
     * does (ADR 0090), also for an acknowledgement made through another instance.
     */
    Object freshness();
}
