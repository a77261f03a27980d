package io.iotseal.server.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisoryMatch;
import io.iotseal.advisory.MatchBasis;
import io.iotseal.advisory.match.AdvisoryIndex;
import io.iotseal.server.advisory.FindingRepository.Component;
import io.iotseal.server.advisory.FindingRepository.Finding;
import io.iotseal.server.advisory.FindingRepository.Unkeyed;
import io.iotseal.server.advisory.FindingRepository.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps findings per (component, advisory) up to date (issue 16 item 3, ADR 0095). Work goes in batches of
 * match keys: the distinct components found by a batch's keys, the advisories sharing any key with those
 * components, an index of only those advisories, and every component's findings recomputed in full, so
 * that a finding the advisories no longer support is marked gone (never deleted) and one that matches
 * again is reopened. Each batch is one transaction: a long re-match holds no long transaction.
 */
@Service
public class FindingMatcher {

    private static final Logger log = LoggerFactory.getLogger(FindingMatcher.class);
    /** Keys per batch: one IN list, and an index over at most the advisories of these keys. */
    static final int KEYS_PER_BATCH = AdvisoryRepository.CHUNK;
    private static final int MAX_REASON = 2000;
    private static final int MAX_FIXED = 500;

    private final FindingRepository findings;
    private final ObjectMapper mapper;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FindingMatcher(FindingRepository findings, ObjectMapper mapper,
                   PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
        this.findings = findings;
        this.events = events;
        this.mapper = mapper;
        // Its own transactions, also when called after an upload committed (the upload's is finished then).
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What a re-match did. */
    public record Result(int keys, int components, int advisories, int opened, int gone, int unchanged) {
        Result plus(Result o) {
            return new Result(keys + o.keys, components + o.components, advisories + o.advisories, opened + o.opened,
                    gone + o.gone, unchanged + o.unchanged);
        }
    }

    private static final Result NONE = new Result(0, 0, 0, 0, 0, 0);

    /** Re-matches the components found by these keys (what an import touched). */
    public Result rematchKeys(Collection<String> keys) {
        Result total = NONE;
        // A component found by two keys (purl and CPE) in different batches is matched in the first only.
        Set<String> done = new HashSet<>();
        for (List<String> batch : AdvisoryRepository.chunks(new LinkedHashSet<>(keys))) {
            total = total.plus(Objects.requireNonNull(tx.execute(s -> matchComponents(
                    findings.componentsByKeys(batch).stream().filter(c -> done.add(c.componentKey())).toList(),
                    batch.size()))));
        }
        return told(total);
    }

    /** Tells the listeners when findings were opened or have gone (the batches have committed). */
    private Result told(Result r) {
        if (r.opened() + r.gone() > 0) {
            events.publishEvent(new FindingsChanged(r.opened(), r.gone()));
        }
        return r;
    }

    /** Sets the keys of components stored without them (before V27). */
    public int fillKeys() {
        int total = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                List<Unkeyed> rows = findings.unkeyed(null, 5000);
                findings.setKeys(rows);
                return rows.size();
            });
            if (n == null || n == 0) {
                return total;
            }
            total += n;
        }
    }

    /** Every component against every advisory (daily, and after a change of the matching rules). */
    public Result rematchAll() {
        long start = System.nanoTime();
        int filled = fillKeys();
        Result r = rematchKeys(findings.allKeys());
        log.info("Full advisory re-match: {} keys, {} components, {} findings opened, {} gone, {} unchanged,"
                        + " {} keys filled, {} ms", r.keys(), r.components(), r.opened(), r.gone(), r.unchanged(), filled,
                (System.nanoTime() - start) / 1_000_000);
        return r;
    }

    /** Sets the keys of a newly stored SBOM's components (in the upload's transaction). */
    void keySbom(UUID sbomId) {
        List<Unkeyed> rows;
        do {
            rows = findings.unkeyed(sbomId, 5000);
            findings.setKeys(rows);
        } while (!rows.isEmpty());
    }

    /** Matches one SBOM's components against the stored advisories (after an upload). */
    public Result matchSbom(UUID sbomId) {
        return told(Objects.requireNonNull(tx.execute(s -> {
            keySbom(sbomId);
            return matchComponents(findings.componentsOf(sbomId), 0);
        })));
    }

    private Result matchComponents(List<Component> components, int keyCount) {
        if (components.isEmpty()) {
            return new Result(keyCount, 0, 0, 0, 0, 0);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Component c : components) {
            if (c.purlKey() != null) {
                keys.add(c.purlKey());
            }
            if (c.cpeKey() != null) {
                keys.add(c.cpeKey());
            }
        }
        List<Advisory> advisories = findings.advisoriesByKeys(keys).stream().map(this::read).toList();
        AdvisoryIndex index = AdvisoryIndex.of(advisories);
        Map<String, Map<String, Finding>> existing = findings.findings(components.stream()
                .map(Component::componentKey).toList());
        List<Write> inserts = new ArrayList<>();
        List<Write> updates = new ArrayList<>();
        int unchanged = 0;
        List<Finding> gone = new ArrayList<>();
        for (Component c : components) {
            Map<String, AdvisoryMatch> now;
            try {
                now = best(index.size() == 0 ? List.of() : index.match(c.purl(), c.cpe(), c.version()));
            } catch (IllegalArgumentException e) {
                // A CPE the SBOM reader kept with a warning, and the matching cannot parse: no findings for it.
                log.debug("Component {} not matched: {}", c.componentKey(), e.getMessage());
                continue;
            }
            Map<String, Finding> before = existing.getOrDefault(c.componentKey(), Map.of());
            for (AdvisoryMatch m : now.values()) {
                Write w = new Write(c, m.advisoryId(), m.basis().name(), cut(m.fixedIn(), MAX_FIXED),
                        cut(m.reason(), MAX_REASON));
                Finding f = before.get(m.advisoryId());
                if (f == null) {
                    inserts.add(w);
                } else if (f.goneAt() != null || !Objects.equals(f.basis(), w.basis())
                        || !Objects.equals(f.fixedIn(), w.fixedIn()) || !Objects.equals(f.reason(), w.reason())) {
                    updates.add(w);
                } else {
                    unchanged++;
                }
            }
            for (Finding f : before.values()) {
                if (f.goneAt() == null && !now.containsKey(f.advisoryId())) {
                    gone.add(f);
                }
            }
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        findings.insert(inserts, at);
        findings.update(updates, at);
        findings.gone(gone, at);
        findings.touchOpen(components.stream().map(Component::componentKey).toList(), at);
        return new Result(keyCount, components.size(), advisories.size(), inserts.size() + updates.size(), gone.size(),
                unchanged);
    }

    /** One match per advisory: purl before CPE when both matched. */
    private static Map<String, AdvisoryMatch> best(List<AdvisoryMatch> matches) {
        Map<String, AdvisoryMatch> out = new LinkedHashMap<>();
        for (AdvisoryMatch m : matches) {
            out.merge(m.advisoryId(), m, (a, b) -> a.basis() == MatchBasis.PURL || b.basis() != MatchBasis.PURL ? a : b);
        }
        return out;
    }

    private Advisory read(String json) {
        try {
            return mapper.readValue(json, Advisory.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored advisory cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
