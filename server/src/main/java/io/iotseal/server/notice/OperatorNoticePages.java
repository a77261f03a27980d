package io.iotseal.server.notice;

import io.iotseal.server.access.Actor;
import io.iotseal.server.console.OperatorConsole;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The operator console's notices (ADR 0100): the queue (submitted first; the other states on a filter), one
 * notice with its flags and thread, and the two decisions, acknowledge or ask, over {@link NoticeService} as the
 * API. Each form carries the notice's version: a notice changed since the page was read answers 409 with the
 * notice as it is now, and nothing is done.
 */
@Controller
class OperatorNoticePages {

    static final List<String> STATES = Arrays.stream(NoticeState.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();

    private final NoticeService notices;

    OperatorNoticePages(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping("/operator/notices")
    String list(Page page, Actor actor, Model model, HttpServletResponse response,
                @RequestParam(required = false) String state) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        String chosen = state != null && STATES.contains(state) ? state : "submitted";
        model.addAttribute("page", page);
        model.addAttribute("notices", notices.queue(actor, NoticeController.state(chosen)));
        model.addAttribute("state", chosen);
        model.addAttribute("states", STATES);
        return "notice/operator-list";
    }

    @GetMapping("/operator/notices/{id}")
    String one(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
               @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        String notice = "acknowledged".equals(done) || "asked".equals(done) ? "notice.operator.done." + done : null;
        return noticePage(page, model, notices.get(actor, id), Map.of(), notice, null);
    }

    @PostMapping("/operator/notices/{id}/acknowledgement")
    String acknowledge(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                       @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        try {
            notices.acknowledge(actor, id, "\"" + version + "\"");
            return "redirect:/operator/notices/" + id + "?done=acknowledged";
        } catch (ApiException e) {
            return refused(page, model, response, actor, id, e, "acknowledge", null);
        }
    }

    @PostMapping("/operator/notices/{id}/clarification")
    String clarify(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                   @RequestParam(required = false) String message, @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        if (message == null || message.isBlank()) {
            errors.put("message", page.t("notice.error.message"));
        } else if (message.length() > 2000) {
            errors.put("message", page.t("notice.error.messageLength"));
        }
        if (!errors.isEmpty()) {
            NoticeView n = notices.get(actor, id);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return noticePage(page, model, n, errors, null, message);
        }
        try {
            notices.clarify(actor, id, new MessageInput(message), "\"" + version + "\"");
            return "redirect:/operator/notices/" + id + "?done=asked";
        } catch (ApiException e) {
            return refused(page, model, response, actor, id, e, "message", message);
        }
    }

    private String refused(Page page, Model model, HttpServletResponse response, Actor actor, UUID id, ApiException e,
                           String field, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
            errors.put(field, page.t("notice.error.stale"));
            response.setStatus(HttpStatus.CONFLICT.value());
        } else {
            VendorNoticePages.refused(page, e, errors, field);
            if (errors.containsKey("state")) {
                errors.put(field, errors.remove("state"));
            }
            response.setStatus(e.status() == HttpStatus.CONFLICT ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return noticePage(page, model, notices.get(actor, id), errors, null, message);
    }

    private static String noticePage(Page page, Model model, NoticeView n, Map<String, String> errors, String notice,
                                     String message) {
        model.addAttribute("page", page);
        model.addAttribute("n", n);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("message", message);
        return "notice/operator-notice";
    }
}
