package io.iotseal.server.label;

import io.iotseal.label.IssuedLabel;
import io.iotseal.label.RegistryUrls;
import io.iotseal.label.keys.VerificationKey;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.Scheme;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Re-issuing the labels whose signing key is no longer published (ADR 0054), after a key was removed:
 * the same label (id, registration number, status index, dates, facts, status) signed again with the
 * active key, so its credential verifies again. A code printed before stays unverifiable offline.
 */
@Service
class LabelReissueService {

    private final RegistryKeys keys;
    private final LabelRepository repository;
    private final StatusListService statusLists;
    private final RegistryUrls urls;
    private final StandardsLibrary library;
    private final AuditLog audit;
    private final Clock clock;

    LabelReissueService(RegistryKeys keys, LabelRepository repository, StatusListService statusLists,
                        LabelProperties properties, StandardsLibrary library,
                        AuditLog audit, Clock clock) {
        this.keys = keys;
        this.repository = repository;
        this.statusLists = statusLists;
        this.urls = properties.urls();
        this.library = library;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Signs every label whose kid is not in the keystore again, in one transaction under the audit chain's
     * and the key marker's locks (the order of the other key changes), one audit entry per label. Running
     * it again finds nothing left to do; If-Match is the key list's ETag, which a re-issue leaves as it is.
     */
    @Transactional
    public ReissueView reissue(Actor actor, KeyChangeInput input, String ifMatch) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("only the scheme operator's admins re-issue labels");
        }
        String reason = input.reason().strip();
        audit.lockChain();
        RegistryKeys.Locked locked = keys.lock();
        ETags.requireMatch(ifMatch, locked.marker().generation());
        Set<String> published = locked.manager().publicKeys().keys().stream().map(VerificationKey::kid)
                .collect(Collectors.toSet());
        List<LabelRow> orphaned = repository.signedByNoneOf(published);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> ids = new ArrayList<>();
        // One signing call for all of them: the marker lock and the keystore agreement are checked once.
        List<IssuedLabel> signed = orphaned.isEmpty() ? List.of() : keys.sign(key -> {
            List<IssuedLabel> out = new ArrayList<>();
            for (LabelRow row : orphaned) {
                out.add(IssuedLabel.sign(row.label(), scheme(row), urls, key));
            }
            return out;
        });
        for (int i = 0; i < orphaned.size(); i++) {
            LabelRow old = orphaned.get(i);
            IssuedLabel fresh = signed.get(i);
            if (!repository.reissue(old, fresh.credential(), fresh.qrText(), fresh.kid(), now)) {
                throw ETags.preconditionFailed();
            }
            LabelRow updated = repository.find(old.id()).orElseThrow();
            Map<String, Object> after = LabelAudit.of(updated);
            after.put("reissuedFromKid", old.kid());
            after.put("reason", reason);
            audit.record(actor, "label.reissue", "label", old.id(), LabelAudit.of(old), after);
            ids.add(old.labelId());
        }
        if (!ids.isEmpty()) {
            statusLists.statusListsChanged();
        }
        return new ReissueView(locked.marker().activeKid(), ids.size(), ids, ids.isEmpty()
                ? "every label is signed by a published key: nothing to re-issue"
                : ids.size() + " label(s) re-issued under the active key: their credentials verify again, but codes"
                + " printed before still carry the removed key's signature and fail offline; the vendors must reprint"
                + " them (scanning an old code opens the label's page, which says so)", locked.marker().generation());
    }

    private Scheme scheme(LabelRow row) {
        return library.scheme(row.scheme()).orElseThrow(() -> ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY,
                "Unprocessable Content", List.of(new FieldError("label", "cannot re-issue label " + row.labelId()
                        + ": its scheme '" + row.scheme() + "' is not in the standards data"))));
    }
}
