package io.iotseal.server.csaf;

import io.iotseal.csaf.CsafAdvisory;
import io.iotseal.csaf.CsafDocument;
import io.iotseal.csaf.CsafProviderFiles;
import io.iotseal.csaf.CsafWriter;
import io.iotseal.openpgp.OpenPgpKeyPair;
import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes CSAF 2.0 advisories as the registry's CSAF provider (issue 17 item 6, ADR 0098): writes the
 * document, signs it with the registry's OpenPGP key, stores it with its hash and signature, and logs the
 * publication for changes.csv, in one transaction with its audit entry. Publishing a tracking id again with
 * a later revision replaces the served document (same path) and adds a line to changes.csv; publishing the
 * same document again changes nothing.
 */
@Service
public class CsafPublisher {

    private final CsafRepository repository;
    private final RegistryOpenPgpKey key;
    private final CsafSite site;
    private final AuditLog audit;
    private final Clock clock;

    CsafPublisher(CsafRepository repository, RegistryOpenPgpKey key, CsafSite site, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.key = key;
        this.site = site;
        this.audit = audit;
        this.clock = clock;
    }

    /** The registry as publisher, to put in the advisories given to {@link #publish}. */
    public CsafAdvisory.Publisher publisher() {
        return site.publisher();
    }

    /**
     * Publishes {@code advisory} (its last revision is the version published). Refused with a 422
     * {@link ApiException} naming the advisory's field: an advisory the CSAF rules refuse ({@link CsafWriter}), a
     * revision not newer than the one published, or a changed initial release year (the document's path).
     */
    @Transactional
    public CsafPublication publish(CsafAdvisory advisory, Actor by) {
        CsafDocument document;
        try {
            document = CsafWriter.write(advisory, site.directoryUrl());
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        int version = advisory.revisions().get(advisory.revisions().size() - 1).number();
        Optional<CsafRepository.Stored> current = repository.lockByTrackingId(advisory.trackingId());
        if (current.isPresent()) {
            CsafRepository.Stored before = current.get();
            if (before.document().equals(document.json())) {
                return publication(before, false);
            }
            if (before.year() != document.year()) {
                throw refused("initialReleaseDate: " + advisory.trackingId() + " was first released in " + before.year()
                        + "; a later revision must keep its initial release date");
            }
            if (version <= before.version()) {
                throw refused("revisions: " + advisory.trackingId() + " is published at version " + before.version()
                        + "; a changed document needs a later revision");
            }
        }
        OpenPgpKeyPair signer = key.get();
        byte[] bytes = document.bytes();
        CsafRepository.Stored stored = new CsafRepository.Stored(document.trackingId(), document.fileName(),
                document.year(), advisory.profile().category(), version, document.currentReleaseDate(), document.json(),
                CsafProviderFiles.sha512(bytes), signer.signDetached(bytes, clock.instant()), signer.fingerprint(),
                clock.instant());
        if (current.isPresent()) {
            repository.replace(stored);
        } else {
            repository.insert(stored);
        }
        repository.logChange(stored);
        audit.record(by, "csaf.publish", "csaf_advisory", stored.trackingId(), current.map(CsafPublisher::summary)
                .orElse(null), summary(stored));
        return publication(stored, true);
    }

    /** The current publication of a tracking id, if it was published. */
    @Transactional(readOnly = true)
    public Optional<CsafPublication> published(String trackingId) {
        return repository.byTrackingId(trackingId).map(s -> publication(s, false));
    }

    /** A 422 naming the field of a "field: problem" message (CsafWriter's form). */
    private static ApiException refused(String message) {
        int colon = message.indexOf(": ");
        String field = colon > 0 ? message.substring(0, colon) : "advisory";
        String problem = colon > 0 ? message.substring(colon + 2) : message;
        return ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Entity",
                List.of(new FieldError(field, problem)));
    }

    private CsafPublication publication(CsafRepository.Stored s, boolean changed) {
        return new CsafPublication(s.trackingId(), s.version(), s.path(), site.documentUrl(s.path()), s.sha512(),
                s.signedBy(), s.currentReleaseDate(), changed);
    }

    /** What the audit entry keeps of a publication: enough to find the document and check its hash. */
    private static Map<String, Object> summary(CsafRepository.Stored s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", s.path());
        m.put("profile", s.profile());
        m.put("version", s.version());
        m.put("currentReleaseDate", s.currentReleaseDate().toString());
        m.put("sha512", s.sha512());
        m.put("signedBy", s.signedBy());
        return m;
    }
}
