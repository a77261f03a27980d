package io.iotseal.server.account;

import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.organization.Organization;
import io.iotseal.server.organization.OrganizationRepository;
import io.iotseal.server.security.Actor;
import io.iotseal.server.security.ApiTokens;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
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
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(AccountRepository accounts, OrganizationRepository organizations, PasswordEncoder passwords,
                          AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UserView create(Actor actor, UserInput input) {
        Set<UUID> ownVendors = actor.organizationsWith(Role.VENDOR_ADMIN);
        boolean operatorAdmin = actor.hasRole(Role.OPERATOR_ADMIN);
        if (!operatorAdmin && ownVendors.isEmpty()) {
            throw ApiException.forbidden("only the operator's admins and vendor admins create users");
        }
        for (int i = 0; i < input.memberships().size(); i++) {
            Membership m = input.memberships().get(i);
            String field = "memberships[" + i + "]";
            if (!operatorAdmin && !ownVendors.contains(m.organizationId())) {
                throw ApiException.forbidden("a vendor admin adds people to their own vendor only");
            }
            Organization org = organizations.find(m.organizationId()).orElseThrow(() -> ApiException.invalid(
                    field + ".organizationId", "no such organization"));
            if (org.kind() != m.role().organizationKind()) {
                throw ApiException.invalid(field + ".role",
                        m.role() + " belongs to a " + m.role().organizationKind() + ", not a " + org.kind());
            }
        }
        if (accounts.findByUsername(input.username()).isPresent()) {
            throw ApiException.conflict("username " + input.username() + " is taken");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        User user = new User(UUID.randomUUID(), input.username(), input.displayName().strip(), input.email(),
                input.password() == null ? null : passwords.encode(input.password()), true, now, 1);
        accounts.insert(user);
        input.memberships().stream().distinct().forEach(m -> accounts.addMembership(user.id(), m, now));
        UserView view = UserView.of(user, accounts.memberships(user.id()));
        audit.record(actor, "user.create", "user", user.id(), null, view);
        return view;
    }

    /** Creates the first admin at first start (no actor can exist yet). */
    @Transactional
    public UserView createInitialAdmin(String username, String password, UUID operatorId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        User user = new User(UUID.randomUUID(), username, "Administrator", null, passwords.encode(password), true, now, 1);
        accounts.insert(user);
        accounts.addMembership(user.id(), new Membership(operatorId, Role.OPERATOR_ADMIN), now);
        UserView view = UserView.of(user, accounts.memberships(user.id()));
        audit.record(Actor.SYSTEM, "user.create", "user", user.id(), null, view);
        return view;
    }

    /**
     * Changes the caller's own password after checking the current one (the first admin changes the
     * generated one this way). Audited without any hash: that the password changed is what counts.
     */
    @Transactional
    public void changePassword(Actor actor, PasswordChange change) {
        User user = accounts.find(requireUser(actor).userId()).orElseThrow(() -> ApiException.notFound("user"));
        if (user.passwordHash() != null
                && (change.currentPassword() == null || !passwords.matches(change.currentPassword(), user.passwordHash()))) {
            throw ApiException.invalid("currentPassword", "does not match");
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw ApiException.invalid("newPassword", "must differ from the current password");
        }
        accounts.setPassword(user.id(), passwords.encode(change.newPassword()), user.version());
        record PasswordChanged(UUID userId, boolean localPassword) {
        }
        audit.record(actor, "user.password.change", "user", user.id(), new PasswordChanged(user.id(), user.passwordHash() != null),
                new PasswordChanged(user.id(), true));
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
