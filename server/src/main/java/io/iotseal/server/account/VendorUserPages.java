package io.iotseal.server.account;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.access.Role;
import io.iotseal.server.organization.OrganizationService;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The vendor console's users page (issue 14 item 3, ADR 0087), for a vendor's admins only: the people of the
 * organizations they administer, an invitation (the account is created with a one-time password, shown on
 * that response only, as the operator console's reset does: ADR 0065, 0086), disabling and re-enabling a
 * member, and changing a member's role in the organization. Every change goes through {@link AccountService},
 * which decides whom an admin may manage (only people whose every role is in a vendor they administer; never
 * themselves). The page offers only the vendor roles, and the service refuses any role of another kind of
 * organization. A form that acts on what the page showed (the member's state, their role) is refused with 409
 * when that changed meanwhile.
 */
@Controller
class VendorUserPages {

    /** The roles a vendor admin gives: those of a vendor organization. */
    static final List<Role> ROLES = Arrays.stream(Role.values())
            .filter(r -> r.organizationKind() == OrganizationKind.VENDOR).toList();
    private static final List<String> INVITE_FIELDS = List.of("username", "displayName", "email", "role", "organizationId");

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final Validator validator;

    VendorUserPages(AccountService accounts, OrganizationService organizations, Validator validator) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.validator = validator;
    }

    @GetMapping("/vendor/users")
    String list(Page page, Actor actor, Model model, HttpServletResponse response, @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> orgs = adminOf(actor);
        String notice = done == null ? null : switch (done) {
            case "disabled", "enabled", "role" -> "vendor.users.done." + done;
            default -> null;
        };
        return usersPage(page, actor, model, orgs, InviteForm.EMPTY, Map.of(), null, Map.of(), notice);
    }

    /** The one-time password is on this response only (no-store), never in a redirect. */
    @PostMapping("/vendor/users")
    String invite(Page page, Actor actor, Model model, HttpServletResponse response,
                  @RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String organizationId) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> orgs = adminOf(actor);
        InviteForm form = new InviteForm(username, displayName, email, role, organizationId);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID org = organization(orgs, organizationId, errors);
        Role chosen = role(role);
        if (chosen == null) {
            errors.put("role", "vendor.users.error.role");
        }
        UserInput input = new UserInput(strip(username), strip(displayName), blankToNull(email), null,
                org == null || chosen == null ? List.of() : List.of(new Membership(org, chosen)));
        for (ConstraintViolation<UserInput> v : validator.validate(input)) {
            String field = v.getPropertyPath().toString().split("[.\\[]", 2)[0];
            if (INVITE_FIELDS.contains(field)) {
                errors.putIfAbsent(field, "vendor.users.error." + field);
            }
        }
        if (errors.isEmpty()) {
            try {
                OneTimePassword invited = accounts.invite(actor, input);
                return usersPage(page, actor, model, orgs, InviteForm.EMPTY, Map.of(), invited, Map.of(), "vendor.users.done.invited");
            } catch (ApiException e) {
                if (e.status() == HttpStatus.CONFLICT) {
                    errors.put("username", "vendor.users.error.usernameTaken");
                } else if (e.status() == HttpStatus.BAD_REQUEST && !e.errors().isEmpty()) {
                    for (FieldError f : e.errors()) {
                        String field = f.field().split("[.\\[]", 2)[0];
                        errors.putIfAbsent(INVITE_FIELDS.contains(field) ? field : "username", "vendor.users.error."
                                + (INVITE_FIELDS.contains(field) ? field : "username"));
                    }
                } else {
                    throw e;
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return usersPage(page, actor, model, orgs, form, errors, null, Map.of(), null);
    }

    @PostMapping("/vendor/users/{id}/status")
    String setEnabled(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                      @RequestParam(required = false) String enabled) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> orgs = adminOf(actor);
        UserView user = member(actor, orgs, id);
        boolean enable = "true".equals(enabled);
        if (user.enabled() == enable) {   // the page showed the other state: someone changed it meanwhile
            response.setStatus(HttpStatus.CONFLICT.value());
            return usersPage(page, actor, model, orgs, InviteForm.EMPTY, Map.of(), null,
                    Map.of(id, page.t("vendor.users.error.stale")), null);
        }
        try {
            accounts.setEnabled(actor, id, enable);
        } catch (ApiException e) {
            return refused(page, actor, model, response, orgs, id, e);
        }
        return "redirect:/vendor/users?done=" + (enable ? "enabled" : "disabled");
    }

    @PostMapping("/vendor/users/{id}/role")
    String changeRole(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                      @RequestParam(required = false) String organizationId, @RequestParam(required = false) String role,
                      @RequestParam(required = false) String current) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> orgs = adminOf(actor);
        UserView user = member(actor, orgs, id);
        UUID org = parse(organizationId);
        if (org == null || !orgs.contains(org)) {
            throw ApiException.notFound("membership of user " + id);
        }
        Role to = role(role);
        Role from = role(current);
        if (to == null || from == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return usersPage(page, actor, model, orgs, InviteForm.EMPTY, Map.of(), null,
                    Map.of(id, page.t("vendor.users.error.role")), null);
        }
        if (!user.memberships().contains(new Membership(org, from))) {   // the role shown is no longer theirs
            response.setStatus(HttpStatus.CONFLICT.value());
            return usersPage(page, actor, model, orgs, InviteForm.EMPTY, Map.of(), null,
                    Map.of(id, page.t("vendor.users.error.stale")), null);
        }
        try {
            accounts.changeRole(actor, id, org, from, to);
        } catch (ApiException e) {
            return refused(page, actor, model, response, orgs, id, e);
        }
        return "redirect:/vendor/users?done=role";
    }

    /** The service's refusal next to the member's row (its reason quoted); a 404 stays the error page. */
    private String refused(Page page, Actor actor, Model model, HttpServletResponse response, Set<UUID> orgs, UUID id,
                           ApiException e) {
        if (e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        String reason = e.errors().stream().map(FieldError::message).findFirst().orElse(e.getMessage());
        response.setStatus(e.status() == HttpStatus.FORBIDDEN ? HttpStatus.FORBIDDEN.value() : HttpStatus.CONFLICT.value());
        return usersPage(page, actor, model, orgs, InviteForm.EMPTY, Map.of(), null,
                Map.of(id, page.t("vendor.users.error.refused", reason)), null);
    }

    /** The vendor organizations the caller administers; 403 for a member who administers none (or a non-vendor). */
    private static Set<UUID> adminOf(Actor actor) {
        VendorConsole.vendors(actor);
        Set<UUID> orgs = actor.organizationsWith(Role.VENDOR_ADMIN);
        if (orgs.isEmpty()) {
            throw ApiException.forbidden("only a vendor's admins manage its users");
        }
        return orgs;
    }

    /** A user with a role in one of the caller's organizations; anyone else is not found (as in the API). */
    private UserView member(Actor actor, Set<UUID> orgs, UUID id) {
        UserView user = accounts.get(actor, id);
        if (user.memberships().stream().noneMatch(m -> orgs.contains(m.organizationId()))) {
            throw ApiException.notFound("user " + id);
        }
        return user;
    }

    private static UUID organization(Set<UUID> orgs, String organizationId, Map<String, String> errors) {
        if (organizationId == null || organizationId.isBlank()) {
            if (orgs.size() == 1) {
                return orgs.iterator().next();
            }
            errors.put("organizationId", "vendor.users.error.organizationId");
            return null;
        }
        UUID org = parse(organizationId);
        if (org == null || !orgs.contains(org)) {
            throw ApiException.notFound("organization " + organizationId);
        }
        return org;
    }

    private static Role role(String name) {
        return ROLES.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String usersPage(Page page, Actor actor, Model model, Set<UUID> orgs, InviteForm form,
                             Map<String, String> errors, OneTimePassword invited, Map<UUID, String> rowErrors,
                             String notice) {
        List<UserView> users = new java.util.ArrayList<>();
        for (int p = 0; ; p++) {   // the service lists only the people of the organizations the caller administers
            var result = accounts.list(actor, new PageRequest(p, PageRequest.MAX_SIZE));
            result.items().stream().filter(u -> u.memberships().stream().anyMatch(m -> orgs.contains(m.organizationId())))
                    .forEach(users::add);
            if (p + 1 >= result.totalPages()) {
                break;
            }
        }
        Map<UUID, String> names = new TreeMap<>();
        for (UUID org : orgs) {
            names.put(org, organizations.get(actor, org).name());
        }
        model.addAttribute("page", page);
        model.addAttribute("users", users);
        model.addAttribute("orgs", names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("roles", ROLES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("invited", invited);
        model.addAttribute("rowErrors", rowErrors);
        model.addAttribute("notice", notice);
        model.addAttribute("me", actor.userId());
        return "account/vendor-users";
    }
}
