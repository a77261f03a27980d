package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator console's signing keys (issue 14 item 5, ADR 0086): the keys with the labels each signed, and
 * a rotation with its reason, through {@link LabelKeyService} as {@code /api/v1/label-keys} does (operator
 * admins only; the key generation read with the page is its If-Match, so a rotation that crossed another
 * says so instead of rotating twice).
 */
@Controller
class SigningKeyPages {

    private final LabelKeyService keys;

    SigningKeyPages(LabelKeyService keys) {
        this.keys = keys;
    }

    @GetMapping("/operator/keys")
    String list(Page page, Actor actor, Model model, HttpServletResponse response,
                @RequestParam(required = false) String rotated) {
        response.setHeader("Cache-Control", "no-store");
        return keyPage(page, actor, model, null, Map.of(), rotated != null ? page.t("operator.keys.rotated") : null);
    }

    @PostMapping("/operator/keys/rotation")
    String rotate(Page page, Actor actor, Model model, HttpServletResponse response,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            errors.put("reason", page.t("operator.keys.error.reason"));
        } else {
            try {
                keys.rotate(actor, new KeyChangeInput(reason.strip()), ETags.of(parse(version)));
                return "redirect:/operator/keys?rotated";
            } catch (ApiException e) {
                if (e.status() != HttpStatus.PRECONDITION_FAILED && e.status() != HttpStatus.PRECONDITION_REQUIRED) {
                    throw e;
                }
                errors.put("stale", page.t("operator.keys.error.stale"));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return keyPage(page, actor, model, reason, errors, null);
    }

    private String keyPage(Page page, Actor actor, Model model, String reason, Map<String, String> errors, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("keys", keys.list(actor));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "label/keys";
    }

    private static long parse(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
