package io.iotseal.server.survey;

import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Re-matches stored observations against the fingerprints declared now (ADR 0108): after a declaration or removal,
 * the observations that show a fingerprint of that kind; on the operator's request, one campaign's. A pass goes in
 * pages of {@link #PAGE} observations, each in its own transaction, so it never holds millions of rows or one long
 * transaction; a page that meets a concurrent pass's row is tried again. The rules are the upload's
 * ({@link FingerprintMatcher}: EXACT beats PREFIX, the longer value wins, a tie is no match). A matched device's
 * FAILs become findings on its product's watched labels unless they exist (the unique key decides), and each label
 * with new findings gets one operator event per pass. An observation that no longer matches a label's product keeps
 * its findings there, marked {@code unmatched_at}; matching it again clears the mark. Running a pass twice changes
 * nothing the second time.
 */
@Service
public class SurveyRematch {

    static final int PAGE = 1000;
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SurveyRematch.class);

    /** What a pass looks at: the observations showing a kind of fingerprint, or one campaign's. */
    public record Scope(String kind, String campaign) {

        public static Scope ofKind(String kind) {
            return new Scope(Objects.requireNonNull(kind), null);
        }

        public static Scope ofCampaign(String campaign) {
            return new Scope(null, Objects.requireNonNull(campaign));
        }

        String encode() {
            return kind != null ? "kind:" + kind : "campaign:" + campaign;
        }

        static Scope decode(String data) {
            if (data.startsWith("kind:")) {
                return ofKind(data.substring(5));
            }
            if (data.startsWith("campaign:")) {
                return ofCampaign(data.substring(9));
            }
            throw new IllegalArgumentException("not a survey re-match: " + data);
        }
    }

    /** What a pass did: observations looked at, links changed, findings created and marked unmatched. */
    public record Result(long examined, long relinked, long created, long unmatched, int labelsTold) {
    }

    private final ObservationRepository observations;
    private final FingerprintRepository fingerprints;
    private final LabelFindingRepository findings;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate tx;

    SurveyRematch(ObservationRepository observations, FingerprintRepository fingerprints,
                  LabelFindingRepository findings, Outbox outbox, Clock clock, PlatformTransactionManager transactions) {
        this.observations = observations;
        this.fingerprints = fingerprints;
        this.findings = findings;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** New findings of one label in this pass, for its one event. */
    private static final class Told {
        final Set<String> campaigns = new TreeSet<>();
        final Set<String> addresses = new HashSet<>();
        final Set<String> checks = new TreeSet<>();
        int findings;
    }

    private record Page(UUID last, int size, int relinked, int created, int unmatched) {
    }

    public Result run(Scope scope) {
        long t0 = System.nanoTime();
        Map<UUID, Told> told = new LinkedHashMap<>();
        long examined = 0;
        long relinked = 0;
        long created = 0;
        long unmatched = 0;
        UUID after = null;
        while (true) {
            Page p = page(scope, after, told);
            examined += p.size();
            relinked += p.relinked();
            created += p.created();
            unmatched += p.unmatched();
            if (p.size() < PAGE) {
                break;
            }
            after = p.last();
        }
        if (!told.isEmpty()) {
            tx.executeWithoutResult(s -> tell(told));
        }
        Result result = new Result(examined, relinked, created, unmatched, told.size());
        LOG.info("survey re-match of {}: {} in {} ms", scope.encode(), result, (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    private Page page(Scope scope, UUID after, Map<UUID, Told> told) {
        for (int attempt = 1; ; attempt++) {
            Map<UUID, Told> mine = new LinkedHashMap<>();
            try {
                Page p = tx.execute(s -> rematch(scope, after, mine));
                mine.forEach((label, t) -> {
                    Told all = told.computeIfAbsent(label, k -> new Told());
                    all.campaigns.addAll(t.campaigns);
                    all.addresses.addAll(t.addresses);
                    all.checks.addAll(t.checks);
                    all.findings += t.findings;
                });
                return p;
            } catch (DuplicateKeyException e) {
                // A concurrent pass inserted the same finding first (on conflict covers most such cases).
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Page rematch(Scope scope, UUID after, Map<UUID, Told> told) {
        List<ObservationRepository.Stored> rows = observations.page(scope, after, PAGE);
        if (rows.isEmpty()) {
            return new Page(after, 0, 0, 0, 0);
        }
        Map<UUID, List<Observation.Seen>> seen = new HashMap<>();
        Set<String> kinds = new HashSet<>();
        for (ObservationRepository.Stored r : rows) {
            List<Observation.Seen> s = StoredObservations.fingerprints(r.fingerprintsJson());
            seen.put(r.id(), s);
            s.forEach(x -> kinds.add(x.kind()));
        }
        // Every kind the page's devices show, not only the pass's: a device is matched on all it showed, as at upload.
        FingerprintMatcher matcher = new FingerprintMatcher(fingerprints.ofKinds(kinds));
        OffsetDateTime now = OffsetDateTime.now(clock);
        // What the page's devices already have, read once: a pass that changes nothing then writes nothing.
        Set<LabelFindingRepository.Existing> existing = new HashSet<>();
        Set<UUID> marked = new HashSet<>();
        findings.ofObservations(seen.keySet()).forEach(e -> {
            existing.add(new LabelFindingRepository.Existing(e.labelId(), e.observationId(), e.checkId(), e.port(), false));
            if (e.unmatched()) {
                marked.add(e.observationId());
            }
        });
        int relinked = 0;
        int unmatched = 0;
        Map<UUID, FingerprintMatcher.Match> matched = new HashMap<>();
        Map<UUID, List<Observation.Failed>> failing = new HashMap<>();
        for (ObservationRepository.Stored r : rows) {
            FingerprintMatcher.Match m = matcher.match(seen.get(r.id())).match().orElse(null);
            UUID product = m == null ? null : m.productId();
            if (!Objects.equals(product, r.productId())) {
                observations.relink(r.id(), product);
                relinked++;
                if (r.productId() != null) {
                    unmatched += findings.markUnmatched(r.id(), product, now);
                }
            }
            if (m != null) {
                if (marked.contains(r.id())) {
                    // Also on a first link: the device may have matched this product before a removal unlinked it.
                    findings.clearUnmatched(r.id(), product);
                }
                List<Observation.Failed> fails = StoredObservations.failures(r.findingsJson());
                if (!fails.isEmpty()) {
                    matched.put(r.id(), m);
                    failing.put(r.id(), fails);
                }
            }
        }
        int created = create(rows, matched, failing, existing, now, told);
        return new Page(rows.getLast().id(), rows.size(), relinked, created, unmatched);
    }

    /** Each FAIL of a matched device on each watched label of its product, unless that finding exists. */
    private int create(List<ObservationRepository.Stored> rows, Map<UUID, FingerprintMatcher.Match> matched,
                       Map<UUID, List<Observation.Failed>> failing, Set<LabelFindingRepository.Existing> existing,
                       OffsetDateTime now, Map<UUID, Told> told) {
        if (matched.isEmpty()) {
            return 0;
        }
        Set<UUID> products = new HashSet<>();
        matched.values().forEach(m -> products.add(m.productId()));
        Map<UUID, List<UUID>> labelsOf = new HashMap<>();
        observations.watchedLabels(products, LocalDate.now(clock.withZone(ZoneOffset.UTC))).forEach(l ->
                labelsOf.computeIfAbsent(l.productId(), k -> new ArrayList<>()).add(l.labelId()));
        int created = 0;
        for (ObservationRepository.Stored r : rows) {
            FingerprintMatcher.Match m = matched.get(r.id());
            if (m == null) {
                continue;
            }
            String fingerprint = m.fingerprint().describe();
            for (UUID label : labelsOf.getOrDefault(m.productId(), List.of())) {
                Set<String> once = new HashSet<>();
                for (Observation.Failed f : failing.get(r.id())) {
                    if (once.add(f.check() + "/" + f.port()) && !existing.contains(new LabelFindingRepository.Existing(
                            label, r.id(), f.check(), f.port(), false)) && findings.insertIfAbsent(new LabelFindingRepository.New(
                            UUID.randomUUID(), label, r.id(), r.campaignId(), r.address(), f.check(), f.port(),
                            f.service(), f.summary(), fingerprint), now)) {
                        created++;
                        Told t = told.computeIfAbsent(label, k -> new Told());
                        t.campaigns.add(r.campaignId());
                        t.addresses.add(r.address());
                        t.checks.add(f.check());
                        t.findings++;
                    }
                }
            }
        }
        return created;
    }

    /** One operator-only event per label with new findings in this pass, as an upload tells them. */
    private void tell(Map<UUID, Told> told) {
        told.forEach((label, t) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaign", String.join(", ", t.campaigns));
            data.put("findings", t.findings);
            data.put("addresses", t.addresses.size());
            data.put("checks", t.checks);
            data.put("rematch", true);
            outbox.labelForOperator(EventType.SURVEY_LABEL_FINDING, label, data);
        });
    }
}
