package io.iotseal.server.account;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The caller's own API tokens. Creating one takes no Idempotency-Key: replaying would mean keeping the
 * secret at rest to show it again, which is exactly what hashing tokens avoids (ADR 0025).
 */
@RestController
@RequestMapping("/api/v1/tokens")
public class TokenController {

    private final AccountService service;

    public TokenController(AccountService service) {
        this.service = service;
    }

    @Operation(summary = "The caller's API tokens (without their secrets)")
    @GetMapping
    public List<ApiToken> list(Actor actor) {
        return service.tokens(actor);
    }

    @Operation(summary = "Create an API token; its secret is shown once, in this answer")
    @PostMapping
    public ResponseEntity<NewToken> create(Actor actor, @Valid @RequestBody TokenInput input) {
        NewToken token = service.createToken(actor, input);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
                .header("Cache-Control", "no-store").body(token);
    }

    @Operation(summary = "Revoke one of the caller's API tokens")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID id) {
        service.revokeToken(actor, id);
        return ResponseEntity.noContent().build();
    }
}
