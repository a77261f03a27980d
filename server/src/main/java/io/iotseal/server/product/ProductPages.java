package io.iotseal.server.product;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The vendor console's product pages (issue 14, ADR 0085): the console's start page, the vendor's products,
 * a new product, a product's details with its versions. The same {@link ProductService} as
 * /api/v1/products, the same bean validation as the API's {@code @Valid}; errors are shown next to their
 * fields in the user's language and nothing is saved when there is one. An edit carries the record's
 * version (its ETag) and sends it as If-Match, so a form someone else's change made stale says so.
 */
@Controller
class ProductPages {

    private final ProductService products;
    private final Validator validator;

    ProductPages(ProductService products, Validator validator) {
        this.products = products;
        this.validator = validator;
    }

    @GetMapping("/vendor")
    String console(Page page, Actor actor, Model model) {
        VendorConsole.vendors(actor);
        model.addAttribute("page", page);
        return "product/console";
    }

    @GetMapping("/vendor/products")
    String list(Page page, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        List<ProductSummary> own = new ArrayList<>();
        for (UUID vendor : VendorConsole.vendors(actor)) {
            own.addAll(products.search(actor, new ProductQuery(null, null, vendor, null),
                    new PageRequest(0, PageRequest.MAX_SIZE)).items());
        }
        model.addAttribute("page", page);
        model.addAttribute("products", own);
        return "product/list";
    }

    @GetMapping("/vendor/products/new")
    String newForm(Page page, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> vendors = VendorConsole.vendors(actor);
        return newPage(page, model, ProductForm.empty(vendors.size() == 1 ? vendors.iterator().next() : null),
                vendors, Map.of());
    }

    @PostMapping("/vendor/products")
    String create(Page page, Actor actor, Model model, HttpServletResponse response, @ModelAttribute ProductForm form) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> vendors = VendorConsole.vendors(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        ProductInput input = validated(form.toInput(List.of(), null, errors), errors);
        if (input != null && input.vendorId() != null && !vendors.contains(input.vendorId())) {
            errors.put("vendorId", "vendor.product.error.vendorId");
        }
        if (errors.isEmpty()) {
            try {
                Product created = products.create(actor, input);
                return "redirect:/vendor/products/" + created.id() + "?created";
            } catch (ApiException e) {
                errors.putAll(fieldErrors(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return newPage(page, model, form, vendors, errors);
    }

    @GetMapping("/vendor/products/{id}")
    String detail(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam(required = false) String created, @RequestParam(required = false) String saved,
                  @RequestParam(required = false) String versionAdded) {
        response.setHeader("Cache-Control", "no-store");
        Product product = own(actor, id);
        String notice = created != null ? "vendor.product.created" : saved != null ? "vendor.product.saved"
                : versionAdded != null ? "vendor.product.versionAdded" : null;
        return detailPage(page, model, product, ProductForm.of(product), Map.of(), null, VersionForm.EMPTY, Map.of(),
                notice);
    }

    @PostMapping("/vendor/products/{id}")
    String update(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @ModelAttribute ProductForm form) {
        response.setHeader("Cache-Control", "no-store");
        Product current = own(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        ProductInput input = validated(form.toInput(current.services(), current.deviceDescription(), errors), errors);
        Product stale = null;
        if (errors.isEmpty()) {
            try {
                products.update(actor, id, input, form.version() == null ? null : ETags.of(parseVersion(form.version())));
                return "redirect:/vendor/products/" + id + "?saved";
            } catch (ApiException e) {
                if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
                    stale = own(actor, id);
                } else {
                    errors.putAll(fieldErrors(e));
                }
            }
        }
        response.setStatus(stale != null ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        // After a stale form, the next save is against the record as it is now: the user has been shown it.
        ProductForm kept = stale == null ? form : withVersion(form, stale.version());
        return detailPage(page, model, stale == null ? current : stale, kept, errors, stale, VersionForm.EMPTY, Map.of(),
                null);
    }

    @PostMapping("/vendor/products/{id}/versions")
    String addVersion(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                      @ModelAttribute VersionForm form) {
        response.setHeader("Cache-Control", "no-store");
        Product product = own(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate released = null;
        if (form.releaseDate() != null && !form.releaseDate().isBlank()) {
            try {
                released = LocalDate.parse(form.releaseDate().strip());
            } catch (DateTimeParseException e) {
                errors.put("releaseDate", "vendor.version.error.releaseDate");
            }
        }
        VersionInput input = new VersionInput(form.version() == null ? null : form.version().strip(), released,
                form.notes(), form.gtin() == null || form.gtin().isBlank() ? null : form.gtin().strip());
        for (ConstraintViolation<VersionInput> v : validator.validate(input)) {
            String field = field(v.getPropertyPath().toString());
            errors.putIfAbsent(field, "vendor.version.error." + field);
        }
        if (errors.isEmpty()) {
            try {
                products.addVersion(actor, id, input);
                return "redirect:/vendor/products/" + id + "?versionAdded";
            } catch (ApiException e) {
                if (e.status() == HttpStatus.CONFLICT) {
                    errors.put("version", "vendor.version.error.exists");
                } else if (e.status() == HttpStatus.BAD_REQUEST && !e.errors().isEmpty()) {
                    e.errors().forEach(f -> errors.put(field(f.field()), "vendor.version.error." + field(f.field())));
                } else {
                    throw e;
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return detailPage(page, model, product, ProductForm.of(product), Map.of(), null, form, errors, null);
    }

    /** The product, if it belongs to one of the actor's vendors; else 404, as for a record the API hides. */
    private Product own(Actor actor, UUID id) {
        VendorConsole.vendors(actor);   // 403 without a vendor role, whatever the record
        Product product = products.get(actor, id);
        VendorConsole.requireOwn(actor, product.vendorId(), "product " + id);
        return product;
    }

    /** Adds the bean-validation errors the API would answer with 400; answers the input when there are none. */
    private ProductInput validated(ProductInput input, Map<String, String> errors) {
        if (input == null) {
            return null;
        }
        for (ConstraintViolation<ProductInput> v : validator.validate(input)) {
            String field = field(v.getPropertyPath().toString());
            errors.putIfAbsent(field, "vendor.product.error." + field);
        }
        return errors.isEmpty() ? input : null;
    }

    /** The service's 400 naming fields becomes errors next to them; anything else is the error page. */
    private static Map<String, String> fieldErrors(ApiException e) {
        if (e.status() != HttpStatus.BAD_REQUEST || e.errors().isEmpty()) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError f : e.errors()) {
            errors.putIfAbsent(field(f.field()), "vendor.product.error." + field(f.field()));
        }
        return errors;
    }

    /** "modelNumbers[0].<list element>" names the form's field "modelNumbers". */
    static String field(String path) {
        String name = path.split("[.\\[]", 2)[0];
        return KNOWN_FIELDS.contains(name) ? name : "form";
    }

    private static final List<String> KNOWN_FIELDS = Arrays.asList("vendorId", "nameEn", "nameJa", "modelNumbers",
            "category", "description", "ipCapable", "supportEndDate", "vulnerabilityDisclosureUrl",
            "vulnerabilityContact", "vulnerabilityOpenPgpKey", "version", "releaseDate", "notes", "gtin");

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return -1; // never a record's version: the save is refused as stale
        }
    }

    private static ProductForm withVersion(ProductForm f, long version) {
        return new ProductForm(f.vendorId(), f.nameEn(), f.nameJa(), f.modelNumbers(), f.category(), f.description(),
                f.ipCapable(), f.supportEndDate(), f.vulnerabilityDisclosureUrl(), f.vulnerabilityContact(),
                f.vulnerabilityOpenPgpKey(), f.published(), Long.toString(version));
    }

    private static String newPage(Page page, Model model, ProductForm form, Set<UUID> vendors, Map<String, String> errors) {
        model.addAttribute("page", page);
        model.addAttribute("form", form);
        model.addAttribute("vendors", List.copyOf(vendors));
        model.addAttribute("categories", List.of(Category.values()));
        model.addAttribute("errors", errors);
        return "product/new";
    }

    private static String detailPage(Page page, Model model, Product product, ProductForm form, Map<String, String> errors,
                                     Product stale, VersionForm versionForm, Map<String, String> versionErrors,
                                     String notice) {
        model.addAttribute("page", page);
        model.addAttribute("product", product);
        model.addAttribute("form", form);
        model.addAttribute("categories", List.of(Category.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        model.addAttribute("versionForm", versionForm);
        model.addAttribute("versionErrors", versionErrors);
        model.addAttribute("notice", notice);
        return "product/detail";
    }
}
