package io.iotseal.server.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.KevEntry;
import io.iotseal.advisory.match.AdvisoryIndex;
import io.iotseal.advisory.match.SeverityScore;
import io.iotseal.advisory.match.SeverityScores;
import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores what a feed reader read (issue 16 item 2, ADR 0095): all of it in one transaction, incrementally
 * (an advisory whose {@code modified} is not newer than the stored one is left as it is), and queues the
 * re-match of the keys the changed advisories had before and have now.
 */
@Service
public class AdvisoryImports {

    private static final int MAX_ID = 200;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_VECTOR = 500;
    private static final int MAX_WARNINGS = 1000;

    private final AdvisoryRepository repository;
    private final RematchQueue queue;
    private final ObjectMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    AdvisoryImports(AdvisoryRepository repository, RematchQueue queue, ObjectMapper mapper,
                    AuditLog audit, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one import brings: the reader's advisories, KEV entries and warnings. */
    public record Batch(String kind, String name, String sha256, List<Advisory> advisories, List<KevEntry> kev,
                        List<String> warnings) {
    }

    @Transactional
    public FeedImport store(Actor actor, Batch batch) {
        Map<String, Advisory> byId = new LinkedHashMap<>();
        for (Advisory a : batch.advisories()) {
            check(a);
            byId.merge(a.id(), a, (x, y) -> newer(y, x) ? y : x);
        }
        indexable(byId.values());
        Map<String, AdvisoryRepository.Stored> stored = repository.stored(byId.keySet());
        List<AdvisoryRepository.Row> inserts = new ArrayList<>();
        List<AdvisoryRepository.Row> updates = new ArrayList<>();
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        int withdrawn = 0;
        for (Advisory a : byId.values()) {
            AdvisoryRepository.Stored s = stored.get(a.id());
            if (s != null && !newer(a, s)) {
                continue;
            }
            (s == null ? inserts : updates).add(row(a));
            keys.put(a.id(), MatchKeys.of(a));
            if (a.withdrawn() && (s == null || !s.withdrawn())) {
                withdrawn++;
            }
        }
        Set<String> touched = new LinkedHashSet<>(repository.keysOf(updates.stream().map(AdvisoryRepository.Row::id).toList()));
        keys.values().forEach(touched::addAll);

        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> warnings = batch.warnings().stream().map(w -> cut(w.replace('\n', ' '), MAX_TEXT))
                .limit(MAX_WARNINGS).toList();
        int kevChanged = repository.upsertKev(batch.kev(), id);
        FeedImport record = new FeedImport(id, batch.kind(), cut(batch.name(), 1000), batch.sha256(), byId.size(),
                inserts.size(), updates.size(), byId.size() - inserts.size() - updates.size(), withdrawn, kevChanged,
                touched.size(), warnings, actor.auditName(), now, touched.isEmpty() ? now : null);
        repository.insertImport(record, String.join("\n", warnings));
        repository.insert(inserts, id, now);
        repository.update(updates, id, now);
        repository.replaceKeys(keys);
        if (!touched.isEmpty()) {
            queue.enqueue(id, touched);
        }
        audit.record(actor, "advisory.feed.import", "advisory_import", id, null, record);
        return record;
    }

    /**
     * Only what the matching can index is stored: an advisory with a package URL or CPE the core's matching
     * refuses would break every re-match that loads it, so the import is refused naming it (422).
     */
    private static void indexable(Collection<Advisory> advisories) {
        try {
            AdvisoryIndex.of(advisories);
        } catch (IllegalArgumentException e) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid feed",
                    List.of(new FieldError("advisories", cut(e.getMessage(), MAX_TEXT))));
        }
    }

    /** Newer than the stored one: a later {@code modified}; an advisory without one is replaced each time. */
    private static boolean newer(Advisory a, AdvisoryRepository.Stored s) {
        return a.modified() == null || s.modified() == null || a.modified().isAfter(s.modified());
    }

    private static boolean newer(Advisory a, Advisory b) {
        return b.modified() == null || (a.modified() != null && a.modified().isAfter(b.modified()));
    }

    private AdvisoryRepository.Row row(Advisory a) {
        String cve = cve(a);
        SeverityScore score = SeverityScores.best(a.severities()).orElse(null);
        String content;
        try {
            content = mapper.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("advisory " + a.id() + " cannot be written as JSON", e);
        }
        return new AdvisoryRepository.Row(a.id(), a.source().name(), cve, cut(String.join(" ", a.aliases()), MAX_TEXT),
                cut(a.summary(), MAX_TEXT), a.published(), a.modified(), a.withdrawn(),
                score == null ? null : score.cvssVersion(), score == null ? null : score.baseScore(),
                score == null ? null : score.rating(), score == null ? null : cut(score.vector(), MAX_VECTOR), content);
    }

    /** The CVE this advisory is about: its own id, or the first CVE alias (links it to the KEV catalog). */
    static String cve(Advisory a) {
        if (a.id().toUpperCase(Locale.ROOT).startsWith("CVE-")) {
            return a.id().toUpperCase(Locale.ROOT);
        }
        return a.aliases().stream().filter(x -> x.toUpperCase(Locale.ROOT).startsWith("CVE-") && x.length() <= 50)
                .map(x -> x.toUpperCase(Locale.ROOT)).findFirst().orElse(null);
    }

    /** An id we cannot store is refused by name; everything else that is long is cut (summaries, aliases). */
    private static void check(Advisory a) {
        if (a.id() == null || a.id().isBlank() || a.id().length() > MAX_ID) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid feed", List.of(new FieldError(
                    "advisory " + cut(String.valueOf(a.id()), 100), "the id must be 1 to " + MAX_ID + " characters")));
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
