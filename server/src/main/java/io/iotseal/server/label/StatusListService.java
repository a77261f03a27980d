package io.iotseal.server.label;

import io.iotseal.digest.Sha256;
import io.iotseal.label.RegistryUrls;
import io.iotseal.label.status.BitstringStatusList;
import io.iotseal.label.status.LabelState;
import io.iotseal.label.status.StatusLists;
import io.iotseal.label.status.StatusPurpose;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The two signed status lists (ADR 0050, ADR 0052): signed from the label table, cached, re-signed after
 * every change and when half their validity has passed. Lapses change the lists too, so applying the due
 * ones (ADR 0053), by the scheduled job or lazily before a read, happens here.
 */
@Service
public class StatusListService {

    private final LabelRepository repository;
    private final RegistryKeys keys;
    private final LabelProperties properties;
    private final RegistryUrls urls;
    private final Clock clock;
    private final LapseService lapses;
    private final StatusListCache statusLists;
    private final LabelPageCache labelPages;

    private final SecurityInformation security;
    private final LabelNotices notices;

    StatusListService(LabelRepository repository, RegistryKeys keys, LabelProperties properties, Clock clock,
                      LapseService lapses, SecurityInformation security, LabelNotices notices) {
        this.repository = repository;
        this.security = security;
        this.notices = notices;
        this.keys = keys;
        this.properties = properties;
        this.urls = properties.urls(); // a bad public URL stops the start, not the first signature
        this.clock = clock;
        this.lapses = lapses;
        this.statusLists = new StatusListCache(this::freshness, this::signStatusLists, clock,
                properties.statusCheckInterval(), properties.statusValidity().dividedBy(2),
                properties.statusValidity());
        this.labelPages = new LabelPageCache(this::pageFreshness, clock, properties.statusCheckInterval());
    }

    /** Makes due lapses take effect (ADR 0053): the scheduled job. */
    @Scheduled(fixedDelayString = "${iotseal.labels.lapse-check:PT10M}",
            initialDelayString = "${iotseal.labels.lapse-check:PT10M}")
    public void applyLapses() {
        if (lapses.applyDue() > 0) {
            statusLists.invalidate(); // each lapse committed in its own transaction already
        }
    }

    /**
     * The lazy check before every read of a label, its page or a status list and every request about a
     * label, so they are right between job runs. Callers run it before their own transaction: each lapse
     * takes a connection of its own, and a caller holding one while waiting for another could starve the pool.
     */
    void applyDueLapses() {
        if (lapses.applyDue(repository.freshness().lastChange()) > 0) {
            statusLists.invalidate();
        }
    }

    /**
     * What the status lists depend on, read at most once per check interval (ADR 0052); lapses that fell
     * due are applied first (ADR 0053), so a lapse reaches the lists even when nothing else is read.
     */
    private LabelRepository.Freshness freshness() {
        LabelRepository.Freshness seen = repository.freshness();
        return lapses.applyDue(seen.lastChange()) > 0 ? repository.freshness() : seen;
    }

    /**
     * Re-sign the status lists, and render the label pages afresh, once the change is committed (and not
     * before, so no reader caches the old state).
     */
    void statusListsChanged() {
        statusLists.invalidate();
        labelPages.invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    statusLists.invalidate();
                    labelPages.invalidate();
                }
            });
        }
    }

    /**
     * A public label page for anonymous visitors, from memory while nothing it shows can have changed
     * (ADR 0090). The lazy lapse check runs as for the status lists: with the label table's last change, read
     * at most once per check interval, and at once when a lapse this instance knows of falls due.
     */
    LabelPageCache.Rendered labelPage(LabelPageCache.Key key, Supplier<LabelPageCache.Rendered> render) {
        if (lapses.knownDue()) {
            applyDueLapses();
        }
        return labelPages.get(key, render);
    }

    /** The anonymous label page at {@code key} if one is remembered and still holds, else null (ADR 0090). */
    LabelPageCache.Rendered rememberedLabelPage(LabelPageCache.Key key) {
        if (lapses.knownDue()) {
            applyDueLapses();
        }
        return labelPages.peek(key);
    }

    /**
     * What a label page depends on besides the clock: the labels, products and keys, and the security
     * information (ADR 0096) and the acknowledged vendor notices (ADR 0100); due lapses are applied first, as for
     * the lists.
     */
    private List<Object> pageFreshness() {
        LabelRepository.PageFreshness seen = repository.pageFreshness();
        if (lapses.applyDue(seen.labels().lastChange()) > 0) {
            statusLists.invalidate();
            seen = repository.pageFreshness();
        }
        return java.util.Arrays.asList(seen, security.freshness(), notices.freshness());
    }

    /**
     * The security information of some label changed, or a vendor notice was acknowledged (ADR 0100): this
     * instance renders its pages afresh after commit.
     */
    public void securityInformationChanged() {
        labelPages.invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    labelPages.invalidate();
                }
            });
        }
    }

    /**
     * The signed status list, re-signed after every change (by this instance at once; by another, seen
     * through the label table's last change and the key generation, within the check interval) and when
     * half its validity has passed.
     */
    public SignedStatusList statusList(StatusPurpose purpose) {
        if (lapses.knownDue()) {
            applyDueLapses();   // a lapse this instance knows of fell due since the lists were signed
        }
        return statusLists.get(purpose);
    }

    /** How long a client may cache a list: its ttl less the check interval, so a change reaches it within the ttl. */
    public long statusMaxAgeSeconds() {
        return Math.max(0, properties.statusTtl().minus(properties.statusCheckInterval()).toSeconds());
    }

    /** As above, but never past the list's own validity (served from memory during a database outage, ADR 0068). */
    public long statusMaxAgeSeconds(SignedStatusList list) {
        long left = Duration.between(clock.instant(), list.signedAt().plus(properties.statusValidity())).toSeconds();
        return Math.max(0, Math.min(statusMaxAgeSeconds(), left));
    }

    public long statusTtlSeconds() {
        return properties.statusTtl().toSeconds();
    }

    private Map<StatusPurpose, SignedStatusList> signStatusLists(Instant now) {
        List<LabelRepository.IndexedState> inactive = repository.inactive();
        int size = Math.max(BitstringStatusList.MIN_ENTRIES, (repository.nextStatusIndex() + 7) / 8 * 8);
        StatusLists lists = StatusLists.empty(size);
        for (LabelRepository.IndexedState s : inactive) {
            lists = lists.apply(s.index(), new LabelState(s.kind(), "-", now));
        }
        StatusLists built = lists;
        Map<StatusPurpose, String> signed = keys.sign(key -> built.sign(urls, now,
                properties.statusValidity(), properties.statusTtl(), key));
        Map<StatusPurpose, SignedStatusList> result = new EnumMap<>(StatusPurpose.class);
        signed.forEach((purpose, jwt) -> result.put(purpose,
                new SignedStatusList(jwt, jwt.getBytes(StandardCharsets.US_ASCII), etag(jwt), now)));
        return result;
    }

    /** The first 128 bits of the list's SHA-256, as a quoted ETag. */
    private static String etag(String jwt) {
        return "\"" + Sha256.hex(jwt).substring(0, 32) + "\"";
    }

}
