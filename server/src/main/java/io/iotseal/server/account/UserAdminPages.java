package io.iotseal.server.account;

import io.iotseal.server.console.OperatorConsole;
import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * The operator console's users page (issue 14 item 5, ADR 0086): every user with their roles; disable or
 * re-enable one, reset a password to a one-time password (shown on that response only, never stored or
 * redirected, as on the token page), and sign a user out everywhere (their sessions and API tokens). The
 * same {@link AccountService} methods as {@code /api/v1/users/{id}/...}, which decide who may manage whom.
 */
@Controller
class UserAdminPages {

    private static final int PAGE_SIZE = 50;

    private final AccountService accounts;

    UserAdminPages(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/operator/users")
    String list(Page page, Actor actor, Model model, HttpServletResponse response,
                @RequestParam(defaultValue = "0") int p, @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        String notice = done == null ? null : switch (done) {
            case "disabled", "enabled", "signedOut" -> page.t("operator.users.done." + done);
            default -> null;
        };
        return usersPage(page, actor, model, p, null, notice);
    }

    @PostMapping("/operator/users/{id}/status")
    String setEnabled(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String enabled) {
        OperatorConsole.require(actor);
        boolean enable = "true".equals(enabled);
        accounts.setEnabled(actor, id, enable);
        return "redirect:/operator/users?done=" + (enable ? "enabled" : "disabled");
    }

    /** The one-time password is on this response only (no-store), never in a redirect. */
    @PostMapping("/operator/users/{id}/password-reset")
    String resetPassword(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        OneTimePassword reset = accounts.resetPassword(actor, id);
        return usersPage(page, actor, model, 0, reset, null);
    }

    @PostMapping("/operator/users/{id}/sign-out")
    String signOut(Actor actor, @PathVariable UUID id) {
        OperatorConsole.require(actor);
        accounts.revokeTokens(actor, id);
        accounts.endSessions(actor, id);
        return "redirect:/operator/users?done=signedOut";
    }

    private String usersPage(Page page, Actor actor, Model model, int p, OneTimePassword reset, String notice) {
        PageResult<UserView> users = accounts.list(actor, new PageRequest(p, PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("users", users.items());
        model.addAttribute("pageNumber", users.page());
        model.addAttribute("totalPages", users.totalPages());
        model.addAttribute("reset", reset);
        model.addAttribute("notice", notice);
        model.addAttribute("me", actor.userId());
        return "account/users";
    }
}
