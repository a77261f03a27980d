package io.iotseal.server.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;
import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.CappedUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Survey results into the registry (issue 18 item 3, ADR 0105). An upload is checked whole, then stored once per
 * (campaign, address): a copy of an address the campaign holds, or a second copy in the same upload, is counted as
 * a duplicate and not stored, so that a redelivered work item or a collector's retry changes nothing. Uploads to one
 * campaign take turns on the campaign's row (select ... for update), which makes check-then-insert safe on H2 and
 * PostgreSQL alike; should a unique violation still happen, the whole upload is tried again and then sees the other
 * rows as duplicates. Matched devices with failing checks become findings on the product's watched labels, told to
 * the operator alone through the outbox: one event per upload and label.
 */
@Service
public class IngestService {

    static final int MAX_LINES = 5_000;
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final ObjectMapper LINES = JsonMappers.plain();

    private final CampaignRepository campaigns;
    private final ObservationRepository observations;
    private final FingerprintRepository fingerprints;
    private final LabelFindingRepository findings;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    IngestService(CampaignRepository campaigns, ObservationRepository observations, FingerprintRepository fingerprints,
                  LabelFindingRepository findings, Outbox outbox, AuditLog audit, Clock clock,
                  PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.observations = observations;
        this.fingerprints = fingerprints;
        this.findings = findings;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The answer of an upload (docs/surveys.md). */
    public record Result(int received, int stored, int duplicates, int matched, int labelFindings) {
    }

    public Result ingest(Actor actor, String campaign, long contentLength, InputStream body) {
        SurveyErrors.requireOperatorAdmin(actor, "survey uploads");
        byte[] content = CappedUpload.read(contentLength, body, MAX_BYTES, size -> SurveyErrors.tooLarge("body",
                "at most 16 MiB (" + MAX_BYTES + " bytes) per upload; this one is " + size));
        List<String> lines = List.of(new String(content, StandardCharsets.UTF_8).split("\r?\n", -1));
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && ++count > MAX_LINES) {
                throw SurveyErrors.tooLarge("line " + (i + 1), "at most " + MAX_LINES
                        + " observations per upload; send the rest in another");
            }
        }
        if (count == 0) {
            throw SurveyErrors.unprocessable("body", "no observations: one JSON object per line");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> store(actor, campaign, lines));
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict("uploads to campaign " + campaign + " kept colliding; send it again");
                }
                LOG.info("upload to campaign {} met a concurrent one; trying again", campaign);
            }
        }
    }

    private Result store(Actor actor, String campaign, List<String> lines) {
        String[] scope = campaigns.lockScope(campaign).orElseThrow(() -> ApiException.notFound("campaign " + campaign
                + " (register its scope with PUT /api/v1/surveys/" + campaign + " first)"));
        long t0 = System.nanoTime();
        ObservationReader reader = new ObservationReader(LINES, campaign, scope[0], blocks(scope[1]));
        List<Observation> read = new ArrayList<>();
        for (int i = 0; i < lines.size() && !reader.full(); i++) {
            if (!lines.get(i).isBlank()) {
                reader.read(i + 1, lines.get(i)).ifPresent(read::add);
            }
        }
        if (!reader.errors().isEmpty()) {
            throw SurveyErrors.unprocessable(reader.errors());
        }
        Map<String, Observation> fresh = new LinkedHashMap<>();
        read.forEach(o -> fresh.putIfAbsent(o.address(), o));
        observations.stored(campaign, fresh.keySet()).forEach(fresh::remove);
        int duplicates = read.size() - fresh.size();

        Set<String> kinds = new HashSet<>();
        fresh.values().forEach(o -> o.fingerprints().forEach(s -> kinds.add(s.kind())));
        FingerprintMatcher matcher = new FingerprintMatcher(fingerprints.ofKinds(kinds));
        List<ObservationRepository.Row> rows = new ArrayList<>();
        Map<UUID, FingerprintMatcher.Match> matches = new HashMap<>();
        int ambiguous = 0;
        for (Observation o : fresh.values()) {
            FingerprintMatcher.Result r = matcher.match(o.fingerprints());
            ambiguous += r.ambiguous() ? 1 : 0;
            UUID id = UUID.randomUUID();
            r.match().ifPresent(m -> matches.put(id, m));
            rows.add(new ObservationRepository.Row(id, o, r.match().map(FingerprintMatcher.Match::productId).orElse(null),
                    o.failures().size()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        observations.insert(campaign, rows, now);
        List<LabelFindingRepository.New> found = labelFindings(campaign, rows, matches);
        findings.insert(found, now);
        tell(campaign, found);
        Result result = new Result(read.size(), rows.size(), duplicates, matches.size(), found.size());
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("received", result.received());
        audited.put("stored", result.stored());
        audited.put("duplicates", result.duplicates());
        audited.put("matched", result.matched());
        // A device whose fingerprints fit two products equally well is linked to neither; the count says so.
        audited.put("ambiguous", ambiguous);
        audited.put("labelFindings", result.labelFindings());
        audit.record(actor, "survey.observations.upload", "survey_campaign", campaign, null, audited);
        LOG.info("upload to campaign {}: {} in {} ms", campaign, result, (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    /** Each FAIL of a matched device on each watched label of its product, once per (label, device, check, port). */
    private List<LabelFindingRepository.New> labelFindings(String campaign, List<ObservationRepository.Row> rows,
                                                           Map<UUID, FingerprintMatcher.Match> matches) {
        Set<UUID> products = new HashSet<>();
        rows.stream().filter(r -> r.productId() != null && !r.o().failures().isEmpty())
                .forEach(r -> products.add(r.productId()));
        if (products.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> labelsOf = new HashMap<>();
        observations.watchedLabels(products, LocalDate.now(clock.withZone(ZoneOffset.UTC))).forEach(l ->
                labelsOf.computeIfAbsent(l.productId(), k -> new ArrayList<>()).add(l.labelId()));
        List<LabelFindingRepository.New> out = new ArrayList<>();
        for (ObservationRepository.Row r : rows) {
            if (r.productId() == null) {
                continue;
            }
            String fingerprint = matches.get(r.id()).fingerprint().describe();
            for (UUID label : labelsOf.getOrDefault(r.productId(), List.of())) {
                Set<String> seen = new HashSet<>();
                for (Observation.Failed f : r.o().failures()) {
                    if (seen.add(f.check() + "/" + f.port())) {
                        out.add(new LabelFindingRepository.New(UUID.randomUUID(), label, r.id(), campaign,
                                r.o().address(), f.check(), f.port(), f.service(), f.summary(), fingerprint));
                    }
                }
            }
        }
        return out;
    }

    /** One operator-only event per label with new findings, however many devices the upload held. */
    private void tell(String campaign, List<LabelFindingRepository.New> found) {
        Map<UUID, List<LabelFindingRepository.New>> byLabel = new LinkedHashMap<>();
        found.forEach(f -> byLabel.computeIfAbsent(f.labelId(), k -> new ArrayList<>()).add(f));
        byLabel.forEach((label, list) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaign", campaign);
            data.put("findings", list.size());
            data.put("addresses", list.stream().map(LabelFindingRepository.New::address).distinct().count());
            data.put("checks", new TreeSet<>(list.stream().map(LabelFindingRepository.New::checkId).toList()));
            outbox.labelForOperator(EventType.SURVEY_LABEL_FINDING, label, data);
        });
    }

    private static AddressBlocks blocks(String scopeJson) {
        try {
            JsonNode scope = LINES.readTree(scopeJson);
            List<String> texts = new ArrayList<>();
            scope.path("blocks").forEach(b -> texts.add(b.asText()));
            return AddressBlocks.parse(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("a registered scope is not JSON", e);
        }
    }
}
