package io.iotseal.server.product;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.organization.NameChange;
import io.iotseal.server.organization.NameChangeInput;
import io.iotseal.server.organization.NameChangeService;
import io.iotseal.server.organization.Organization;
import io.iotseal.server.organization.OrganizationService;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vendor console's organization profile (issue 14 item 3, ADR 0087): each of the caller's vendor
 * organizations with its approved legal names, its name-change requests and the operator's decisions, and
 * for its admins a form asking for a new legal name through {@link NameChangeService#request}, as
 * {@code POST /api/v1/organizations/{id}/name-changes} does (ADR 0067): labels keep the approved name until the
 * operator approves. The form carries the organization's version; if the organization changed since the page
 * was read (a name approved meanwhile), the answer is 409 with the names as they are now, and nothing is asked.
 * (Here rather than in the organization package, which the product package depends on.)
 */
@Controller
class VendorOrganizationPages {

    private final OrganizationService organizations;
    private final NameChangeService nameChanges;
    private final Validator validator;

    VendorOrganizationPages(OrganizationService organizations, NameChangeService nameChanges, Validator validator) {
        this.organizations = organizations;
        this.nameChanges = nameChanges;
        this.validator = validator;
    }

    @GetMapping("/vendor/organization")
    String profile(Page page, Actor actor, Model model, HttpServletResponse response,
                   @RequestParam(required = false) String requested) {
        response.setHeader("Cache-Control", "no-store");
        return profilePage(page, actor, model, null, null, null, Map.of(), requested != null ? "vendor.org.requested" : null);
    }

    @PostMapping("/vendor/organization/{id}/name-change")
    String requestNameChange(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                             @RequestParam(required = false) String name, @RequestParam(required = false) String nameJa,
                             @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        VendorConsole.requireOwn(actor, id, "organization " + id);
        if (!actor.organizationsWith(Role.VENDOR_ADMIN).contains(id)) {
            throw ApiException.forbidden("only the organization's admins ask for a change of its legal name");
        }
        Organization current = organizations.get(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        NameChangeInput input = new NameChangeInput(name == null ? null : name.strip(), nameJa == null ? null : nameJa.strip());
        for (ConstraintViolation<NameChangeInput> v : validator.validate(input)) {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field, page.t("vendor.org.error." + field));
        }
        if (errors.isEmpty() && !Long.toString(current.version()).equals(version)) {
            errors.put("stale", page.t("vendor.org.error.stale"));
        } else if (errors.isEmpty() && nameChanges.of(actor, id).stream().anyMatch(c -> "PENDING".equals(c.state()))) {
            errors.put("name", page.t("vendor.org.error.pending"));
        }
        if (errors.isEmpty()) {
            try {
                nameChanges.request(actor, id, input);
                return "redirect:/vendor/organization?requested";
            } catch (ApiException e) {
                if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                String message = e.errors().stream().map(FieldError::message).findFirst().orElse(e.getMessage());
                errors.put("name", page.t(e.status() == HttpStatus.CONFLICT
                        ? (message.contains("waiting") ? "vendor.org.error.pending" : "vendor.org.error.taken")
                        : message.contains("already") ? "vendor.org.error.same" : "vendor.org.error.name"));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return profilePage(page, actor, model, id, name, nameJa, errors, null);
    }

    private String profilePage(Page page, Actor actor, Model model, UUID typedFor, String name, String nameJa,
                               Map<String, String> errors, String notice) {
        List<OrganizationProfile> profiles = new ArrayList<>();
        for (UUID id : VendorConsole.vendors(actor)) {
            Organization o = organizations.get(actor, id);
            boolean mine = id.equals(typedFor);
            boolean admin = actor.organizationsWith(Role.VENDOR_ADMIN).contains(id);
            profiles.add(new OrganizationProfile(o, nameChanges.of(actor, id), admin,
                    mine ? name : null, mine ? nameJa : null,
                    mine ? errors : Map.of()));
        }
        profiles.sort(Comparator.comparing(p -> p.organization().name()));
        model.addAttribute("page", page);
        model.addAttribute("profiles", profiles);
        model.addAttribute("notice", notice);
        return "organization/vendor-profile";
    }
}
