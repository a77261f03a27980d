package io.iotseal.server.account;

import io.iotseal.server.access.Role;
import io.iotseal.server.access.Membership;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.Idempotency;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
    private final SessionCarryOver sessions;

    public UserController(AccountService service, Idempotency idempotency, SessionCarryOver sessions) {
        this.service = service;
        this.idempotency = idempotency;
        this.sessions = sessions;
    }

    @Operation(summary = "The signed-in user, with memberships and roles")
    @GetMapping("/me")
    public UserView me(Actor actor) {
        return service.me(actor);
    }

    /** Ends the user's other sessions; the one making the request goes on (under a new session id). */
    @Operation(summary = "Change one's own local password")
    @PutMapping("/me/password")
    public ResponseEntity<Void> changePassword(Actor actor, @Valid @RequestBody PasswordChange change,
                                               HttpServletRequest request, HttpServletResponse response) {
        long epoch = service.changePassword(actor, change, request.getRemoteAddr());
        sessions.carryOver(epoch, request, response);
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

    // An admin managing another user (ADR 0065).

    @Operation(summary = "Disable or re-enable a user")
    @PostMapping("/{id}/status")
    public UserView setStatus(Actor actor, @PathVariable UUID id, @Valid @RequestBody UserStatusChange change) {
        return service.setEnabled(actor, id, change.enabled());
    }

    @Operation(summary = "Give a user a role in an organization")
    @PostMapping("/{id}/memberships")
    public ResponseEntity<UserView> addMembership(Actor actor, @PathVariable UUID id, @Valid @RequestBody Membership membership) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.addMembership(actor, id, membership));
    }

    @Operation(summary = "Remove one of a user's roles")
    @DeleteMapping("/{id}/memberships/{organizationId}/{role}")
    public ResponseEntity<Void> removeMembership(Actor actor, @PathVariable UUID id, @PathVariable UUID organizationId,
                                                 @PathVariable Role role) {
        service.removeMembership(actor, id, new Membership(organizationId, role));
        return ResponseEntity.noContent().build();
    }

    /** The one-time password is in this answer only; nothing may keep it. */
    @Operation(summary = "Reset a user's password to a one-time password that must be changed at the next sign-in")
    @PostMapping("/{id}/password-reset")
    public ResponseEntity<OneTimePassword> resetPassword(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(service.resetPassword(actor, id));
    }

    @Operation(summary = "End all of a user's sessions")
    @DeleteMapping("/{id}/sessions")
    public ResponseEntity<Void> endSessions(Actor actor, @PathVariable UUID id) {
        service.endSessions(actor, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Revoke all of a user's API tokens")
    @DeleteMapping("/{id}/tokens")
    public ResponseEntity<Void> revokeTokens(Actor actor, @PathVariable UUID id) {
        service.revokeTokens(actor, id);
        return ResponseEntity.noContent().build();
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
