package io.iotseal.server.label;

import io.iotseal.label.keys.VerificationKey;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing-key management by the operator's admins (ADR 0051): list, rotate, remove a compromised key.
 * Every change locks the audit chain, then the key marker (the order every signer follows too), checks
 * the key list's ETag, changes the shared keystore and the marker, and is audit-logged.
 */
@Service
class LabelKeyService {

    private final RegistryKeys keys;
    private final LabelKeyRepository repository;
    private final StatusListService statusLists;
    private final AuditLog audit;

    LabelKeyService(RegistryKeys keys, LabelKeyRepository repository, StatusListService statusLists, AuditLog audit) {
        this.keys = keys;
        this.repository = repository;
        this.statusLists = statusLists;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        keys.checkAgreement();
    }

    @Transactional
    public KeyListView list(Actor actor) {
        requireAdmin(actor);
        return view(keys.lock());
    }

    @Transactional
    public KeyListView rotate(Actor actor, KeyChangeInput input, String ifMatch) {
        requireAdmin(actor);
        audit.lockChain();
        RegistryKeys.Locked locked = keys.lock();
        ETags.requireMatch(ifMatch, locked.marker().generation());
        RegistryKeys.Locked rotated = keys.rotate(locked);
        audit.record(actor, "label.key.rotate", "label-key", rotated.marker().activeKid(),
                marker(locked, null), marker(rotated, input.reason().strip()));
        // The status lists are signed by the active key: re-sign them with the new one straight away.
        statusLists.statusListsChanged();
        return view(rotated);
    }

    @Transactional
    public KeyRemovalView remove(Actor actor, String kid, KeyChangeInput input, String ifMatch) {
        requireAdmin(actor);
        if (kid == null || !kid.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiException.invalid("kid", "a key id: 1 to 64 letters, digits, '-' or '_'");
        }
        audit.lockChain();
        RegistryKeys.Locked locked = keys.lock();
        ETags.requireMatch(ifMatch, locked.marker().generation());
        VerificationKey key = locked.manager().publicKeys().find(kid)
                .orElseThrow(() -> ApiException.notFound("signing key " + kid));
        if (kid.equals(locked.marker().activeKid()) || key.retired().isEmpty()) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("kid",
                    "the active key cannot be removed: rotate first, then remove it")));
        }
        long affected = repository.labelsSignedBy(kid);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("kid", kid);
        before.put("created", key.created().orElse(null));
        before.put("retired", key.retired().orElse(null));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("removed", true);
        after.put("reason", input.reason().strip());
        after.put("labelsAffected", affected);
        RegistryKeys.Locked removed = keys.remove(locked, kid);
        audit.record(actor, "label.key.remove", "label-key", kid, before, after);
        statusLists.statusListsChanged();
        return new KeyRemovalView(kid, affected, affected == 0 ? "no label was signed with this key"
                : affected + " label(s) signed with this key no longer verify against the published keys and must be"
                + " re-issued under the active key (POST /api/v1/label-keys/reissue); codes already printed must be"
                + " reprinted", view(removed));
    }

    private KeyListView view(RegistryKeys.Locked locked) {
        Map<String, Long> counts = repository.labelsByKid();
        String active = locked.marker().activeKid();
        List<KeyListView.Key> list = new ArrayList<>();
        for (VerificationKey k : locked.manager().publicKeys().keys()) {
            list.add(new KeyListView.Key(k.kid(), k.created().orElse(null), k.retired().orElse(null), k.kid().equals(active),
                    counts.getOrDefault(k.kid(), 0L)));
        }
        boolean agrees = locked.manager().active().kid().equals(active);
        return new KeyListView(active, agrees, list, locked.marker().generation());
    }

    private static Map<String, Object> marker(RegistryKeys.Locked locked, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activeKid", locked.marker().activeKid());
        m.put("generation", locked.marker().generation());
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("only the scheme operator's admins manage the label signing keys");
        }
    }
}
