package io.iotseal.server.audit;

import io.iotseal.audit.AuditChainVerifier;
import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator console's audit log (issue 14 item 5, ADR 0086): the entries, newest first, a page at a time,
 * and the hash chain's verification, done on every visit as {@code GET /api/v1/audit/verification} does.
 */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/operator/audit")
    String log(Page page, Actor actor, Model model, HttpServletResponse response, @RequestParam(defaultValue = "0") int p) {
        response.setHeader("Cache-Control", "no-store");
        if (!actor.isOperator()) {
            throw ApiException.forbidden("only the scheme operator's people read the audit log");
        }
        PageRequest request = new PageRequest(p, PAGE_SIZE);
        long total = audit.count(null, null);
        AuditChainVerifier.Result verification = audit.verify();
        model.addAttribute("page", page);
        model.addAttribute("entries", audit.list(null, null, request.size(), request.offset()));
        model.addAttribute("pageNumber", p);
        model.addAttribute("totalPages", total == 0 ? 0 : (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("total", total);
        model.addAttribute("verification", verification);
        return "audit/log";
    }
}
