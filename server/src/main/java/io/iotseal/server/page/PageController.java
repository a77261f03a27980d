package io.iotseal.server.page;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages every visitor meets first (issue 14, ADR 0074): the public home page with the registry
 * search, the sign-in page and, once signed in, the dashboard, which shows each role where to go next.
 * The consoles themselves live with their domains (/vendor, /lab, /operator).
 */
@Controller
class PageController {

    @GetMapping("/")
    String home(Page page, Model model, HttpServletResponse response) {
        // Public and the same for everyone of a language, apart from the header's sign-in state.
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        response.setHeader("Vary", "Accept-Language, Cookie");
        model.addAttribute("page", page);
        return "page/home";
    }

    /** Sign-in; {@code ?error} after a failed script login, {@code ?logout} after signing out. */
    @GetMapping("/login")
    String login(Page page, Model model, HttpServletResponse response,
                 @RequestParam(required = false) String error, @RequestParam(required = false) String logout) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("page", page);
        model.addAttribute("username", null);
        model.addAttribute("error", error != null ? page.t("login.error.link") : null);
        model.addAttribute("notice", logout != null ? page.t("login.notice.signedOut") : null);
        return "page/login";
    }

    @GetMapping("/dashboard")
    String dashboard(Page page, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("page", page);
        return "page/dashboard";
    }
}
