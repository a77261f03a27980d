package io.iotseal.server.advisory;

import io.iotseal.server.sbom.SbomStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A new SBOM's components get their match keys in the upload's transaction (so an import's re-match that
 * starts after the upload commits finds them), and are matched against the stored advisories once the
 * upload has committed. A failure of that match does not undo the upload: it is logged, and the daily full
 * re-match finds what it missed.
 */
@Component
class SbomMatching {

    private static final Logger log = LoggerFactory.getLogger(SbomMatching.class);

    private final FindingMatcher matcher;

    SbomMatching(FindingMatcher matcher) {
        this.matcher = matcher;
    }

    @EventListener
    void keys(SbomStored event) {
        matcher.keySbom(event.sbomId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void match(SbomStored event) {
        try {
            FindingMatcher.Result r = matcher.matchSbom(event.sbomId());
            log.debug("SBOM {} matched: {} components, {} findings", event.sbomId(), r.components(), r.opened());
        } catch (RuntimeException e) {
            log.warn("Matching SBOM {} against the advisories failed; the daily full re-match will retry: {}",
                    event.sbomId(), e.toString());
        }
    }
}
