package io.iotseal.server.account;

import io.iotseal.password.GeneratedPassword;
import io.iotseal.server.access.Role;
import io.iotseal.server.access.Membership;

import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.organization.Organization;
import io.iotseal.server.organization.OrganizationRepository;
import io.iotseal.server.access.Actor;
import io.iotseal.server.account.ApiTokens;
import io.iotseal.server.account.LoginThrottle;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Users, memberships and API tokens. The operator's admins manage everyone; a vendor's admins add
 * people to their own vendor; everyone manages their own tokens.
 */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(AccountRepository accounts, OrganizationRepository organizations, PasswordEncoder passwords,
                          PasswordPolicy policy, LoginThrottle throttle, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UserView create(Actor actor, UserInput input) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN) && !actor.hasRole(Role.VENDOR_ADMIN)) {
            throw ApiException.forbidden("only the operator's admins and vendor admins create users");
        }
        for (int i = 0; i < input.memberships().size(); i++) {
            checkGrant(actor, input.memberships().get(i), "memberships[" + i + "]");
        }
        if (input.password() != null) {
            policy.check("password", input.password(), input.username());
        }
        if (accounts.findByUsername(input.username()).isPresent()) {
            throw usernameUnavailable();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        User user = User.create(UUID.randomUUID(), input.username(), input.displayName().strip(), input.email(),
                input.password() == null ? null : passwords.encode(input.password()), now);
        try {
            accounts.insert(user);
        } catch (DuplicateKeyException raced) {
            throw usernameUnavailable();
        }
        input.memberships().stream().distinct().forEach(m -> accounts.addMembership(user.id(), m, now));
        UserView view = UserView.of(user, accounts.memberships(user.id()));
        audit.record(actor, "user.create", "user", user.id(), null, view);
        return view;
    }

    /** Creates the first admin at first start (no actor can exist yet). */
    @Transactional
    public UserView createInitialAdmin(String username, String password, UUID operatorId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        User user = User.create(UUID.randomUUID(), username, "Administrator", null, passwords.encode(password), now);
        accounts.insert(user);
        accounts.addMembership(user.id(), new Membership(operatorId, Role.OPERATOR_ADMIN), now);
        UserView view = UserView.of(user, accounts.memberships(user.id()));
        audit.record(Actor.SYSTEM, "user.create", "user", user.id(), null, view);
        return view;
    }

    /**
     * Changes the caller's own password after checking the current one (the first admin changes the
     * generated one this way, a user with a one-time password too). The current-password check is
     * throttled like login, by user and source. Ends the user's sessions; answers the new session
     * epoch, so the controller can keep the caller's own session. Audited without any hash.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public long changePassword(Actor actor, PasswordChange change, String source) {
        User user = accounts.find(requireUser(actor).userId()).orElseThrow(() -> ApiException.notFound("user"));
        if (user.passwordHash() != null) {
            Duration wait = throttle.waitBefore(user.username(), source);
            if (!wait.isZero()) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                        "too many wrong current passwords; try again in " + Math.max(1, wait.toSeconds()) + " s");
            }
            if (change.currentPassword() == null || !passwords.matches(change.currentPassword(), user.passwordHash())) {
                throttle.failed(user.username(), source);
                throw ApiException.invalid("currentPassword", "does not match");
            }
            throttle.succeeded(user.username(), source);
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw ApiException.invalid("newPassword", "must differ from the current password");
        }
        policy.check("newPassword", change.newPassword(), user.username());
        long epoch = accounts.setPassword(user.id(), passwords.encode(change.newPassword()), user.version(), null)
                .orElseThrow(() -> ApiException.conflict("the account changed meanwhile; try again"));
        record PasswordChanged(UUID userId, boolean localPassword) {
        }
        audit.record(actor, "user.password.change", "user", user.id(), new PasswordChanged(user.id(), user.passwordHash() != null),
                new PasswordChanged(user.id(), true));
        return epoch;
    }

    @Transactional(readOnly = true)
    public UserView me(Actor actor) {
        return get(requireUser(actor), actor.userId());
    }

    @Transactional(readOnly = true)
    public UserView get(Actor actor, UUID id) {
        return accounts.find(id).map(u -> UserView.of(u, accounts.memberships(u.id())))
                .filter(u -> mayView(actor, u))
                .orElseThrow(() -> ApiException.notFound("user " + id));
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> list(Actor actor, PageRequest page) {
        Set<UUID> orgs;
        if (actor.isOperator()) {
            orgs = null;
        } else if (actor.hasRole(Role.VENDOR_ADMIN)) {
            orgs = actor.organizationsWith(Role.VENDOR_ADMIN);
        } else {
            throw ApiException.forbidden("only the operator and vendor admins list users");
        }
        List<UserView> items = accounts.list(orgs, page.size(), page.offset()).stream()
                .map(u -> UserView.of(u, accounts.memberships(u.id()))).toList();
        return PageResult.of(items, page, accounts.count(orgs));
    }

    private static boolean mayView(Actor actor, UserView user) {
        if (actor.isOperator() || user.id().equals(actor.userId())) {
            return true;
        }
        Set<UUID> adminOf = actor.organizationsWith(Role.VENDOR_ADMIN);
        return user.memberships().stream().anyMatch(m -> adminOf.contains(m.organizationId()));
    }

    // --- An admin managing another user (ADR 0065) --------------------------------------------------

    /** Disables or re-enables a user; either ends their sessions, and a disabled user's tokens stop working. */
    @Transactional
    public UserView setEnabled(Actor actor, UUID id, boolean enabled) {
        UserView before = manageable(actor, id, enabled ? "re-enable" : "disable");
        accounts.setEnabled(id, enabled);
        UserView after = get(actor, id);
        audit.record(actor, enabled ? "user.enable" : "user.disable", "user", id, before, after);
        return after;
    }

    /** Gives a user another role, on the same terms as creating a user with it. */
    @Transactional
    public UserView addMembership(Actor actor, UUID id, Membership membership) {
        UserView before = manageable(actor, id, "change the roles of");
        checkGrant(actor, membership, "");
        if (!before.memberships().contains(membership)) {
            accounts.addMembership(id, membership, OffsetDateTime.now(clock));
        }
        UserView after = get(actor, id);
        audit.record(actor, "user.role.add", "user", id, before, after);
        return after;
    }

    /** Takes a role away; effective at once, since roles are read on every request (ADR 0022). */
    @Transactional
    public void removeMembership(Actor actor, UUID id, Membership membership) {
        UserView before = visible(actor, id);
        if (!actor.hasRole(Role.OPERATOR_ADMIN) && !actor.organizationsWith(Role.VENDOR_ADMIN).contains(membership.organizationId())) {
            throw ApiException.forbidden("a vendor admin removes roles in their own vendor only");
        }
        refuseSelf(actor, id, "remove your own roles");
        if (!accounts.removeMembership(id, membership)) {
            throw ApiException.notFound("membership " + membership.role() + " in " + membership.organizationId());
        }
        // Read without the caller's view: a vendor admin may have just removed what let them see the user.
        UserView after = accounts.find(id).map(u -> UserView.of(u, accounts.memberships(id))).orElseThrow();
        audit.record(actor, "user.role.remove", "user", id, before, after);
    }

    /**
     * Sets a generated one-time password that the user must change at their next sign-in and that
     * stops working after {@link #ONE_TIME_PASSWORD_LIFETIME}; ends the user's sessions. The password
     * is answered once and stored only as its hash.
     */
    @Transactional
    public OneTimePassword resetPassword(Actor actor, UUID id) {
        UserView before = manageable(actor, id, "reset the password of");
        User user = accounts.find(id).orElseThrow(() -> ApiException.notFound("user " + id));
        String password = GeneratedPassword.generate();
        OffsetDateTime expires = OffsetDateTime.now(clock).plus(ONE_TIME_PASSWORD_LIFETIME);
        accounts.setPassword(id, passwords.encode(password), user.version(), expires)
                .orElseThrow(() -> ApiException.conflict("the account changed meanwhile; try again"));
        record PasswordReset(UUID userId, OffsetDateTime expiresAt) {
        }
        audit.record(actor, "user.password.reset", "user", id, null, new PasswordReset(id, expires));
        return new OneTimePassword(before.username(), password, expires);
    }

    /**
     * Invites a person (the vendor console, ADR 0087): creates the account without a password, on the same
     * terms as {@link #create}, and gives it a one-time password as {@link #resetPassword} does, both in one
     * transaction (no account is left without its way in). The password is answered once.
     */
    @Transactional
    public OneTimePassword invite(Actor actor, UserInput input) {
        if (input.password() != null) {
            throw ApiException.invalid("password", "an invited user gets a one-time password; give none");
        }
        UserView created = create(actor, input);
        return resetPassword(actor, created.id());
    }

    /**
     * Replaces a user's role in one organization by another (the vendor console, ADR 0087): the new role is
     * granted on the terms of {@link #addMembership}, then the old one removed as {@link #removeMembership}
     * does, in one transaction, so a refusal of either changes nothing.
     */
    @Transactional
    public UserView changeRole(Actor actor, UUID id, UUID organizationId, Role from, Role to) {
        if (from == to) {
            return get(actor, id);
        }
        addMembership(actor, id, new Membership(organizationId, to));
        removeMembership(actor, id, new Membership(organizationId, from));
        return get(actor, id);
    }

    /** How long a one-time password from a reset may be used for the first sign-in. */
    public static final Duration ONE_TIME_PASSWORD_LIFETIME = Duration.ofHours(24);

    /** Ends every session of the user (all instances notice on the session's next request). */
    @Transactional
    public void endSessions(Actor actor, UUID id) {
        manageable(actor, id, "sign out");
        accounts.endSessions(id);
        audit.record(actor, "user.sessions.end", "user", id, null, null);
    }

    /**
     * Revokes every API token of the user; answers how many this request revoked. Concurrent requests
     * all read the tokens, but each token is deleted by one of them: a request audits only the tokens it
     * deleted, and one that deleted none writes no entry (as {@link #revokeToken}).
     */
    @Transactional
    public int revokeTokens(Actor actor, UUID id) {
        manageable(actor, id, "revoke the tokens of");
        List<ApiToken> revoked = accounts.tokens(id).stream().filter(t -> accounts.deleteToken(t.id(), id)).toList();
        if (!revoked.isEmpty()) {
            audit.record(actor, "user.tokens.revoke", "user", id, revoked, null);
        }
        return revoked.size();
    }

    /**
     * The user, when the caller may manage them: the operator's admins anyone, a vendor admin people
     * whose every role is in a vendor they administer. Nobody manages themselves this way (an admin
     * could lock themselves out); a user the caller may not see is not found.
     */
    private UserView manageable(Actor actor, UUID id, String what) {
        UserView user = visible(actor, id);
        if (!mayManage(actor, user)) {
            throw ApiException.forbidden("not allowed to " + what + " this user");
        }
        refuseSelf(actor, id, what + " yourself");
        return user;
    }

    private UserView visible(Actor actor, UUID id) {
        requireUser(actor);
        return get(actor, id);
    }

    private static void refuseSelf(Actor actor, UUID id, String what) {
        if (id.equals(actor.userId())) {
            throw ApiException.conflict("an admin cannot " + what + " through this route");
        }
    }

    private static boolean mayManage(Actor actor, UserView user) {
        if (actor.hasRole(Role.OPERATOR_ADMIN)) {
            return true;
        }
        Set<UUID> adminOf = actor.organizationsWith(Role.VENDOR_ADMIN);
        return !adminOf.isEmpty() && !user.memberships().isEmpty()
                && user.memberships().stream().allMatch(m -> adminOf.contains(m.organizationId()));
    }

    /** Whether the caller may grant this role: the organization exists, fits the role, and is theirs to grant in. */
    private void checkGrant(Actor actor, Membership m, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (!actor.hasRole(Role.OPERATOR_ADMIN) && !actor.organizationsWith(Role.VENDOR_ADMIN).contains(m.organizationId())) {
            throw ApiException.forbidden("a vendor admin adds people to their own vendor only");
        }
        Organization org = organizations.find(m.organizationId()).orElseThrow(() -> ApiException.invalid(
                prefix + "organizationId", "no such organization"));
        if (org.kind() != m.role().organizationKind()) {
            throw ApiException.invalid(prefix + "role",
                    m.role() + " belongs to a " + m.role().organizationKind() + ", not a " + org.kind());
        }
    }

    /** The same answer whatever the existing name's case, and whether it exists or raced in meanwhile. */
    private static ApiException usernameUnavailable() {
        return ApiException.withErrors(HttpStatus.CONFLICT, "Conflict",
                List.of(new FieldError("username", "is not available; choose another")));
    }

    // --- API tokens -------------------------------------------------------------------------------

    @Transactional
    public NewToken createToken(Actor actor, TokenInput input) {
        requireUser(actor);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int days = input.expiresInDays() == null ? 90 : input.expiresInDays();
        ApiToken token = new ApiToken(UUID.randomUUID(), actor.userId(), input.name().strip(), now, now.plusDays(days));
        String secret = ApiTokens.newSecret();
        accounts.insertToken(token, ApiTokens.hash(secret));
        audit.record(actor, "token.create", "api_token", token.id(), null, token);
        return new NewToken(token.id(), token.name(), token.createdAt(), token.expiresAt(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(Actor actor) {
        return accounts.tokens(requireUser(actor).userId());
    }

    @Transactional
    public void revokeToken(Actor actor, UUID id) {
        ApiToken token = accounts.token(id, requireUser(actor).userId())
                .orElseThrow(() -> ApiException.notFound("token " + id));
        // Concurrent revocations all read the token, but only one deletes it: only that one is audited.
        if (!accounts.deleteToken(id, actor.userId())) {
            throw ApiException.notFound("token " + id);
        }
        audit.record(actor, "token.revoke", "api_token", id, token, null);
    }

    private static Actor requireUser(Actor actor) {
        if (!actor.authenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "sign in first");
        }
        return actor;
    }
}
