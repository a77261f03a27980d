package io.iotseal.server.survey;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.web.ApiException;
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
 * The vendor console's page of a product's declared fingerprints (ADR 0105), linked from the product's page (the
 * product package cannot call this one: it depends on products). Same rules as the API, through
 * {@link FingerprintService}; without JavaScript.
 */
@Controller
public class VendorFingerprintPages {

    private final FingerprintService fingerprints;
    private final ProductService products;

    VendorFingerprintPages(FingerprintService fingerprints, ProductService products) {
        this.fingerprints = fingerprints;
        this.products = products;
    }

    /** What was typed into a refused form. */
    public record Form(String kind, String matchType, String value, String port) {
        static final Form EMPTY = new Form("HTTP_TITLE", "EXACT", null, null);
    }

    @GetMapping("/vendor/products/{id}/fingerprints")
    String list(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        Product product = own(actor, id);
        String notice = "added".equals(done) || "removed".equals(done) ? "survey.fingerprints.done." + done : null;
        return page(page, actor, model, product, Form.EMPTY, Map.of(), notice);
    }

    @PostMapping("/vendor/products/{id}/fingerprints")
    String add(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String matchType,
               @RequestParam(required = false) String value, @RequestParam(required = false) String port) {
        response.setHeader("Cache-Control", "no-store");
        Product product = own(actor, id);
        Form form = new Form(kind, matchType, value, port);
        Integer portNumber = null;
        if (port != null && !port.isBlank()) {
            try {
                portNumber = Integer.valueOf(port.strip());
            } catch (NumberFormatException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return page(page, actor, model, product, form, Map.of("port", page.t("survey.fingerprints.error.port")), null);
            }
        }
        try {
            fingerprints.declare(actor, id, new FingerprintInput(kind, matchType, value, portNumber));
            return "redirect:/vendor/products/" + id + "/fingerprints?done=added";
        } catch (ApiException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND || e.errors().isEmpty()) {
                throw e;
            }
            response.setStatus(e.status().value());
            String field = e.errors().get(0).field();
            String key = e.status() == HttpStatus.CONFLICT ? "duplicate"
                    : "value".equals(field) && value != null && !value.isBlank() && value.strip().length() < FingerprintService.MIN_PREFIX
                    ? "tooBroad" : field;
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(List.of("kind", "matchType", "port").contains(field) ? field : "value",
                    page.t("survey.fingerprints.error." + key));
            return page(page, actor, model, product, form, errors, null);
        }
    }

    @PostMapping("/vendor/products/{id}/fingerprints/{fpId}/delete")
    String remove(Actor actor, HttpServletResponse response, @PathVariable UUID id, @PathVariable UUID fpId) {
        response.setHeader("Cache-Control", "no-store");
        own(actor, id);
        fingerprints.remove(actor, id, fpId);
        return "redirect:/vendor/products/" + id + "/fingerprints?done=removed";
    }

    private Product own(Actor actor, UUID id) {
        VendorConsole.vendors(actor);
        Product product = products.get(actor, id);
        VendorConsole.requireOwn(actor, product.vendorId(), "product " + id);
        return product;
    }

    private String page(Page page, Actor actor, Model model, Product product, Form form, Map<String, String> errors,
                        String notice) {
        model.addAttribute("page", page);
        model.addAttribute("product", product);
        model.addAttribute("fingerprints", fingerprints.list(actor, product.id()));
        model.addAttribute("kinds", Fingerprint.KINDS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "survey/vendor-fingerprints";
    }
}
