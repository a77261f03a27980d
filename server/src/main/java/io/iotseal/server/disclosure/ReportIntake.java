package io.iotseal.server.disclosure;

import io.iotseal.digest.Sha256;
import io.iotseal.server.access.Actor;
import io.iotseal.server.account.LoginThrottle;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes vulnerability reports from anyone (issue 17 item 1, ADR 0099): from the form on a label's page and from
 * {@code POST /api/v1/labels/{id}/reports}. Each accepted report becomes a case in RECEIVED, linked to the label,
 * its product and vendor and the affected version, and the reporter gets a capability link to it. Abuse controls
 * without third-party services: a per-source quota (the login throttle's table and schedule), size caps, and a
 * honeypot field: a filled honeypot gets an answer that looks like success and stores nothing but an audit entry.
 */
@Service
public class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);
    /** The quota's name in the throttle's table. */
    static final String PURPOSE = "report";
    /** Who the audit log names for a report: nobody signed in, and the reporter has no account. */
    static final Actor REPORTER = new Actor(null, "reporter", List.of());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final CaseRepository repository;
    private final CaseLinks links;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CaseProperties properties;
    private final Clock clock;
    private final String publicUrl;
    private final ReportRouting routing;

    ReportIntake(CaseRepository repository, CaseLinks links, LoginThrottle throttle, AuditLog audit,
                 ApplicationEventPublisher events, CaseProperties properties, Clock clock,
                 @Value("${iotseal.labels.public-url:https://localhost}") String publicUrl, ReportRouting routing) {
        this.routing = routing;
        this.repository = repository;
        this.links = links;
        this.throttle = throttle;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A report that came too soon after the source's others: 429, with how long to wait. */
    public static final class TooSoon extends ApiException {
        private final Duration wait;

        TooSoon(Duration wait) {
            super(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                    "too many reports from this address; try again in " + Math.max(1, wait.toSeconds()) + " s");
            this.wait = wait;
        }

        public Duration retryAfter() {
            return wait;
        }
    }

    /** Where a report about the label will go, for the form to tell the reporter (ADR 0102). */
    RoutingPreview routingPreview(CaseRepository.Target target) {
        return routing.preview(target.label());
    }

    /** The label a report is about, for the form; 404 for an unknown one. */
    CaseRepository.Target target(String labelId) {
        return repository.target(labelId).orElseThrow(() -> ApiException.notFound("label"));
    }

    public int maxDetailsChars() {
        return properties.maxDetailsChars();
    }

    /**
     * Checks and stores a report from {@code source} (the client's address). Throws 404 for an unknown label,
     * {@link TooSoon} past the quota, and a 400 naming every field at fault.
     */
    @Transactional
    public Submitted submit(String labelId, ReportInput input, String source) {
        CaseRepository.Target target = target(labelId);
        Duration wait = throttle.waitBeforeNext(PURPOSE, source, properties.freeReportsPerSource());
        if (wait.isPositive()) {
            throw new TooSoon(wait);
        }
        throttle.attempted(PURPOSE, source);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime expires = now.plus(properties.linkValidity());
        if (input.website() != null && !input.website().isBlank()) {
            // A program filled the field people never see: it is told "thank you" and nothing is kept.
            log.info("vulnerability report with the honeypot filled for label {} dropped", target.labelId());
            audit.record(REPORTER, "case.intake.honeypot", "label", target.label(), null,
                    Map.of("source", Sha256.hex(source == null ? "" : source).substring(0, 16)));
            return submitted(links.newToken(), expires);
        }
        UUID versionId = check(input, target);
        UUID id = UUID.randomUUID();
        repository.insert(new CaseRepository.NewCase(id, target, versionId, input.summary().strip(),
                storedDetails(input.details()), CaseFacts.blankToNull(input.reporterName()),
                CaseFacts.blankToNull(input.reporterEmail()), Boolean.TRUE.equals(input.consentToContact()),
                Boolean.TRUE.equals(input.activelyExploited()), now));
        String token = links.issue(id, now, expires);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("label", target.labelId());
        after.put("product", target.productId());
        after.put("version", input.affectedVersion());
        after.put("state", "RECEIVED");
        after.put("reportedExploited", Boolean.TRUE.equals(input.activelyExploited()));
        audit.record(REPORTER, "case.receive", "disclosure_case", id, null, after);
        events.publishEvent(new CaseStateChanged(id, target.vendorId(), null, io.iotseal.disclosure.CaseState.RECEIVED, now));
        routing.route(id, target, now);   // to the vendor, and the operator where the scheme says (ADR 0102)
        return submitted(token, expires);
    }

    /**
     * The one place the report's body is prepared for storage: an encryption step to the vendor's OpenPGP key
     * (issue 17 item 1) replaces it with ciphertext here, and {@link CaseService} reads it back in one place too.
     */
    static String storedDetails(String details) {
        return details.strip();
    }

    private Submitted submitted(String token, OffsetDateTime expires) {
        String path = "/cases/" + token;
        return new Submitted(token, publicUrl + path, expires);
    }

    /** Every field's problem at once, so the form shows them all; answers the affected version's id or null. */
    private UUID check(ReportInput input, CaseRepository.Target target) {
        List<FieldError> errors = new ArrayList<>();
        if (input.summary() == null || input.summary().isBlank()) {
            errors.add(new FieldError("summary", "required"));
        } else if (input.summary().strip().length() > 200) {
            errors.add(new FieldError("summary", "at most 200 characters"));
        }
        if (input.details() == null || input.details().isBlank()) {
            errors.add(new FieldError("details", "required"));
        } else if (input.details().strip().length() > properties.maxDetailsChars()) {
            errors.add(new FieldError("details", "at most " + properties.maxDetailsChars() + " characters"));
        }
        String name = CaseFacts.blankToNull(input.reporterName());
        if (name != null && name.length() > 200) {
            errors.add(new FieldError("reporterName", "at most 200 characters"));
        }
        String email = CaseFacts.blankToNull(input.reporterEmail());
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("reporterEmail", "an e-mail address like name@example.org"));
        }
        UUID versionId = null;
        String version = CaseFacts.blankToNull(input.affectedVersion());
        if (version != null) {
            versionId = repository.versionId(target.productId(), version).orElse(null);
            if (versionId == null) {
                errors.add(new FieldError("affectedVersion", "one of the product's versions " + target.versions()
                        + ", or none"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.BAD_REQUEST, "Bad Request", errors);
        }
        return versionId;
    }
}
