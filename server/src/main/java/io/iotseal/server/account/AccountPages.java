package io.iotseal.server.account;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signed-in user's own account pages (issue 14): change the password, and list, create and revoke
 * API tokens. The same services as /api/v1/users/me and /api/v1/tokens; errors are shown next to their
 * fields in the user's language, and nothing is saved when one is found.
 */
@Controller
class AccountPages {

    /** Lifetimes the token form offers, in days (the API allows 1 to 366). */
    static final List<Integer> TOKEN_DAYS = List.of(30, 90, 180, 366);

    private final AccountService accounts;
    private final SessionCarryOver sessions;

    AccountPages(AccountService accounts, SessionCarryOver sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/account/password")
    String passwordForm(Page page, Model model, HttpServletResponse response,
                        @RequestParam(required = false) String changed) {
        response.setHeader("Cache-Control", "no-store");
        return password(page, model, Map.of(), changed != null ? page.t("account.password.changed") : null);
    }

    @PostMapping("/account/password")
    String changePassword(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                          @RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String confirmPassword) {
        response.setHeader("Cache-Control", "no-store");
        Map<String, String> errors = new LinkedHashMap<>();
        if (newPassword == null || newPassword.length() < 12 || newPassword.length() > 128) {
            errors.put("newPassword", page.t("account.password.error.length"));
        } else if (!newPassword.equals(confirmPassword)) {
            errors.put("confirmPassword", page.t("account.password.error.confirm"));
        }
        if (errors.isEmpty()) {
            try {
                long epoch = accounts.changePassword(actor, new PasswordChange(blankToNull(currentPassword), newPassword),
                        request.getRemoteAddr());
                sessions.carryOver(epoch, request, response);
                return "redirect:/account/password?changed";
            } catch (ApiException e) {
                errors.putAll(passwordErrors(page, e));
            }
        }
        response.setStatus(errors.containsKey("form") && errors.size() == 1 ? 429 : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return password(page, model, errors, null);
    }

    private static Map<String, String> passwordErrors(Page page, ApiException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
            errors.put("form", page.t("account.password.error.throttled"));
        } else if (e.status() == HttpStatus.CONFLICT) {
            errors.put("form", page.t("account.error.stale"));
        }
        for (FieldError field : e.errors()) {
            errors.put(field.field(), page.t("currentPassword".equals(field.field())
                    ? "account.password.error.current" : "account.password.error.policy"));
        }
        if (errors.isEmpty()) {
            throw e;
        }
        return errors;
    }

    private static String password(Page page, Model model, Map<String, String> errors, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "account/password";
    }

    @GetMapping("/account/tokens")
    String tokens(Page page, Actor actor, Model model, HttpServletResponse response,
                  @RequestParam(required = false) String revoked) {
        response.setHeader("Cache-Control", "no-store");
        return tokenPage(page, actor, model, null, null, Map.of(), revoked != null ? page.t("account.tokens.revoked") : null);
    }

    /** The new token's secret is shown on this response only: never stored, never in a redirect. */
    @PostMapping("/account/tokens")
    String createToken(Page page, Actor actor, Model model, HttpServletResponse response,
                       @RequestParam(required = false) String name, @RequestParam(required = false) Integer days) {
        response.setHeader("Cache-Control", "no-store");
        Map<String, String> errors = new LinkedHashMap<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            errors.put("name", page.t("account.tokens.error.name"));
        }
        if (days == null || !TOKEN_DAYS.contains(days)) {
            errors.put("days", page.t("account.tokens.error.days"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return tokenPage(page, actor, model, null, name, errors, null);
        }
        NewToken created = accounts.createToken(actor, new TokenInput(trimmed, days));
        return tokenPage(page, actor, model, created, null, Map.of(), null);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(Actor actor, @PathVariable UUID id) {
        accounts.revokeToken(actor, id);
        return "redirect:/account/tokens?revoked";
    }

    private String tokenPage(Page page, Actor actor, Model model, NewToken created, String name,
                             Map<String, String> errors, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("tokens", accounts.tokens(actor));
        model.addAttribute("created", created);
        model.addAttribute("name", name);
        model.addAttribute("days", TOKEN_DAYS);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "account/tokens";
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
