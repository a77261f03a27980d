package io.iotseal.server.label;

import java.util.List;
import java.util.UUID;

/**
 * The current security information a label's public page shows (ADR 0096). Kept behind this interface because
 * it comes from surveillance (findings and the vendor's triage), which itself depends on labels.
 */
public interface SecurityInformation {

    /** The triaged vulnerabilities of the product's labelled {@code versions} and how current the data is. */
    LabelPage.Security ofLabel(UUID productId, List<String> versions);

    /**
     * A value that changes whenever some label's security information may have changed (a triage statement, an
     * import and re-match): remembered label pages are rendered afresh when it moves (ADR 0090).
     */
    Object freshness();
}
