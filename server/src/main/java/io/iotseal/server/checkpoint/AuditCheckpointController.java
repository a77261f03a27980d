package io.iotseal.server.checkpoint;

import io.iotseal.audit.AuditCheckpoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit chain's signed checkpoint, public so that anyone can keep copies (ADR 0066) and later run
 * {@code iotseal audit verify --checkpoint} against the registry's database.
 */
@RestController
class AuditCheckpointController {

    /** Where the checkpoint is published. */
    static final String PATH = "/audit/checkpoint";
    static final MediaType JWT = MediaType.valueOf("application/jwt");

    private final AuditCheckpoints checkpoints;

    AuditCheckpointController(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping(PATH)
    @Operation(summary = "The audit chain's size and head hash, signed with the registry's label key (typ "
            + AuditCheckpoint.TYP + "); verify with /.well-known/jwks.json and keep copies")
    public ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(JWT)
                .cacheControl(CacheControl.maxAge(checkpoints.maxAge()).cachePublic())
                .body(checkpoints.current());
    }
}
