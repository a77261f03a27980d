package io.iotseal.server.notice;

import io.iotseal.server.label.LabelNotices;
import io.iotseal.server.label.LabelPage;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the public label page and its JSON show of the vendor's notices (ADR 0100): acknowledged firmware updates
 * (version, release day, the CVE ids fixed), fixed versions of a vulnerability, and support period changes. A
 * notice waiting for the operator, an affected or not-affected status (the triage of ADR 0096 speaks for those)
 * and a change of company or product (a legal name shows once its name change is approved) are not shown.
 */
@Component
class PublicNotices implements LabelNotices {

    /** At most this many on a page: a product's history, not an archive. */
    static final int LIMIT = 20;

    private final NoticeRepository notices;

    PublicNotices(NoticeRepository notices) {
        this.notices = notices;
    }

    @Override
    public List<LabelPage.Update> ofProduct(UUID productId) {
        List<LabelPage.Update> updates = new ArrayList<>();
        for (Notice n : notices.publicOfProduct(productId, LIMIT)) {
            var acknowledged = n.acknowledgedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            updates.add(switch (n.kind()) {
                case FIRMWARE_UPDATE -> new LabelPage.Update("firmware-update", n.firmwareVersion(), n.releaseDate(),
                        n.securityFixes(), null, acknowledged);
                case VULNERABILITY -> new LabelPage.Update("fixed-version", n.fixedVersion(), null,
                        List.of(n.vulnerabilityId()), null, acknowledged);
                case SUPPORT_PERIOD -> new LabelPage.Update("support-period", null, null, List.of(), n.newSupportEnd(),
                        acknowledged);
                case COMPANY_OR_PRODUCT -> throw new IllegalStateException("not a public notice: " + n.id());
            });
        }
        return updates;
    }

    @Override
    public Object freshness() {
        return notices.acknowledgedFreshness();
    }
}
