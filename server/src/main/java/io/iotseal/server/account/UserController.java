package io.iotseal.server.account;

import io.iotseal.server.security.Actor;
import io.iotseal.server.web.Idempotency;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final AccountService service;
    private final Idempotency idempotency;

    public UserController(AccountService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Operation(summary = "The signed-in user, with memberships and roles")
    @GetMapping("/me")
    public UserView me(Actor actor) {
        return service.me(actor);
    }

    @Operation(summary = "Change one's own local password")
    @PutMapping("/me/password")
    public ResponseEntity<Void> changePassword(Actor actor, @Valid @RequestBody PasswordChange change) {
        service.changePassword(actor, change);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Users the caller may see")
    @GetMapping
    public PageResult<UserView> list(Actor actor, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        return service.list(actor, new PageRequest(page, size));
    }

    @Operation(summary = "One user")
    @GetMapping("/{id}")
    public UserView get(Actor actor, @PathVariable UUID id) {
        return service.get(actor, id);
    }

    /** The password is left out of the idempotency fingerprint: no unsalted hash of it is ever stored. */
    @Operation(summary = "Create a user with memberships, and a local password if given")
    @PostMapping
    public ResponseEntity<?> create(Actor actor, @Valid @RequestBody UserInput input,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.create(actor, key, "POST /api/v1/users", input, Set.of("password"), () -> {
            UserView user = service.create(actor, input);
            return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
        });
    }
}
