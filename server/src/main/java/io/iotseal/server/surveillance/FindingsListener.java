package io.iotseal.server.surveillance;

import io.iotseal.server.advisory.FindingsChanged;
import io.iotseal.server.label.StatusListService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * New or gone findings (a feed import's re-match, an SBOM upload, the daily re-match; ADR 0095) are put to the
 * surveillance policy at once, and the label pages show the change (ADR 0096). A failure here never undoes the
 * match, which has committed: the scheduled evaluation retries.
 */
@Component
class FindingsListener {

    private static final Logger log = LoggerFactory.getLogger(FindingsListener.class);

    private final ProposalService proposals;
    private final StatusListService labelPages;

    FindingsListener(ProposalService proposals, StatusListService labelPages) {
        this.proposals = proposals;
        this.labelPages = labelPages;
    }

    @EventListener
    void findingsChanged(FindingsChanged event) {
        labelPages.securityInformationChanged();
        try {
            ProposalService.Evaluation e = proposals.evaluate();
            log.debug("Findings changed ({} opened, {} gone): {} proposals opened, {} withdrawn", event.opened(),
                    event.gone(), e.opened(), e.withdrawn());
        } catch (RuntimeException e) {
            log.warn("Surveillance evaluation after a re-match failed; the scheduled one will retry: {}", e.toString());
        }
    }
}
