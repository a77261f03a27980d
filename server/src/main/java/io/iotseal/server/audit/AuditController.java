package io.iotseal.server.audit;

import io.iotseal.audit.AuditChainVerifier;
import io.iotseal.audit.AuditEntry;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for the scheme operator's people only. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Audit log entries, for the scheme operator")
    @GetMapping
    public PageResult<AuditEntry> list(Actor actor, @RequestParam(required = false) String entityType,
                                       @RequestParam(required = false) String entityId,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        requireOperator(actor);
        PageRequest request = new PageRequest(page, size);
        return PageResult.of(audit.list(entityType, entityId, request.size(), request.offset()), request,
                audit.count(entityType, entityId));
    }

    /** Checks the hash chain now; the same check as {@code iotseal audit verify}. */
    @Operation(summary = "Check the audit log's hash chain now")
    @GetMapping("/verification")
    public Verification verify(Actor actor) {
        requireOperator(actor);
        AuditChainVerifier.Result result = audit.verify();
        return new Verification(result.ok(), result.verified(),
                result.failure().map(AuditChainVerifier.Failure::seq).orElse(null),
                result.failure().map(AuditChainVerifier.Failure::reason).orElse(null));
    }

    public record Verification(boolean ok, long verifiedEntries, Long firstBadEntry, String reason) {
    }

    private static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("only the scheme operator's people read the audit log");
        }
    }
}
