package io.iotseal.server.registry;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Scheme;
import io.iotseal.scheme.SchemeLevel;
import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.Category;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.ProductVersion;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The public registry pages (issue 14, ADR 0084): the label search with facets at {@code /registry} and a
 * public product with its labels at {@code /products/{id}}. The search is the one behind
 * {@code GET /api/v1/labels} ({@link LabelFilter}, {@link RegistryRepository}); this class only reads the
 * form, keeps what was typed and turns the API's field errors into messages next to the fields.
 */
@Controller
class RegistryPages {

    static final int PAGE_SIZE = 20;
    /** Counted up to this many; beyond it the page says "more than" and the visitor narrows the search. */
    static final int COUNT_CAP = 1000;
    /** The form's fields that are the API search's filters of the same name. */
    private static final List<String> FACETS = List.of("scheme", "level", "status", "vendor", "category",
            "validUntilAfter", "validUntilBefore");
    private static final List<String> STATUSES = List.of("valid", "suspended", "revoked", "expired");

    private final RegistryRepository repository;
    private final SearchCounts counts;
    private final ProductService products;
    private final StandardsLibrary library;
    private final Clock clock;

    RegistryPages(RegistryRepository repository, SearchCounts counts, ProductService products, StandardsLibrary library,
                  Clock clock) {
        this.repository = repository;
        this.counts = counts;
        this.products = products;
        this.library = library;
        this.clock = clock;
    }

    @GetMapping("/registry")
    String search(Page page, Model model, HttpServletResponse response,
                  @RequestParam MultiValueMap<String, String> params) {
        cacheable(page, response);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, String> errors = new LinkedHashMap<>();
        MultiValueMap<String, String> filterParams = new LinkedMultiValueMap<>();
        for (String facet : FACETS) {
            String v = first(params, facet);
            if (!v.isEmpty()) {
                filterParams.add(facet, v);
            }
        }
        String q = first(params, "q");
        String searchedAs = null;
        int pageNo = pageNumber(first(params, "page"));
        List<LabelEntry> entries = List.of();
        long count = 0;
        try {
            if (!q.isEmpty()) {
                // One box for what a consumer has in hand: the barcode (JAN/GTIN, digits only) or the model
                // number from the box, exactly; if no model matches, vendors whose name contains the text.
                searchedAs = q.chars().allMatch(Character::isDigit) ? "gtin" : "modelNumber";
                filterParams.set(searchedAs, q);
            }
            LabelFilter filter = filter(filterParams, searchedAs);
            count = counts.countUpTo(filter, today, COUNT_CAP + 1);
            if (count == 0 && "modelNumber".equals(searchedAs) && !filterParams.containsKey("vendor")) {
                filterParams.remove("modelNumber");
                filterParams.set("vendor", q);
                searchedAs = "vendor";
                filter = filter(filterParams, searchedAs);
                count = counts.countUpTo(filter, today, COUNT_CAP + 1);
            }
            if (count > 0) {
                entries = repository.search(filter, today, PAGE_SIZE, (long) pageNo * PAGE_SIZE);
            }
        } catch (ApiException bad) {
            for (FieldError e : bad.errors()) {
                errors.put(e.field(), page.t("registry.error." + errorKey(e.field())));
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        boolean more = count > COUNT_CAP;
        long shown = Math.min(count, COUNT_CAP);
        String previous = pageNo > 0 ? link(params, pageNo - 1) : null;
        String next = (long) (pageNo + 1) * PAGE_SIZE < shown ? link(params, pageNo + 1) : null;
        String scheme = first(params, "scheme");
        String level = first(params, "level");
        String status = first(params, "status");
        String category = first(params, "category");
        model.addAttribute("page", page);
        model.addAttribute("search", new RegistryView.Search(q, searchedAs, schemeOptions(page, scheme),
                levelOptions(page, level), options(page, STATUSES, status, s -> page.t("label.status." + s)),
                options(page, categories(), category, c -> page.t("registry.category." + c)),
                first(params, "vendor"), first(params, "validUntilAfter"), first(params, "validUntilBefore"), errors,
                shown, more, entries.stream().map(e -> result(e, page.lang())).toList(), pageNo, previous, next));
        return "registry/search";
    }

    @GetMapping("/products/{id}")
    String product(Page page, Model model, HttpServletResponse response, @PathVariable String id) {
        UUID productId;
        try {
            productId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("product " + id);
        }
        // Only public products (published and in scope), whoever asks: this page is the public view.
        Product p = products.get(Actor.ANONYMOUS, productId);
        cacheable(page, response);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean ja = "ja".equals(page.lang()) && p.nameJa() != null;
        String name = ja ? p.nameJa() : p.nameEn();
        String other = ja ? p.nameEn() : p.nameJa();
        model.addAttribute("page", page);
        model.addAttribute("product", new RegistryView.Product(p.id(), name, other, p.vendorName(),
                page.t("registry.category." + p.category().name()), p.modelNumbers(),
                p.versions().stream().map(ProductVersion::version).toList(), p.supportEndDate(),
                p.vulnerabilityDisclosureUrl(), p.vulnerabilityContact(), p.vulnerabilityOpenPgpFingerprint(),
                repository.ofProduct(p.id(), today).stream().map(e -> result(e, page.lang())).toList()));
        return "registry/product";
    }

    /**
     * The same for every anonymous visitor of a language: shared caches may keep it a minute (a status change
     * shows within that). A signed-in visitor's header names them, so theirs is private.
     */
    private static void cacheable(Page page, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, page.signedIn() ? "private, no-cache" : "public, max-age=60");
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
    }

    private static LabelFilter filter(MultiValueMap<String, String> params, String searchedAs) {
        try {
            return LabelFilter.of(params, Set.of());
        } catch (ApiException e) {
            // The search box's text is reported against the box, whatever filter it was read as.
            if (searchedAs != null && e.errors().stream().anyMatch(f -> f.field().equals(searchedAs))) {
                throw ApiException.invalid("q", e.getMessage());
            }
            throw e;
        }
    }

    private static String errorKey(String field) {
        return switch (field) {
            case "validUntilAfter", "validUntilBefore" -> "date";
            case "q" -> "q";
            default -> "other";
        };
    }

    private RegistryView.Result result(LabelEntry e, String lang) {
        String scheme = library.scheme(e.scheme()).map(s -> s.name().in(lang)).orElse(e.scheme());
        String level;
        try {
            level = library.requireLevel(new LevelRef(e.scheme(), e.level())).name().in(lang);
        } catch (RuntimeException unknown) {
            level = e.level();
        }
        String product = "ja".equals(lang) && e.productNameJa() != null ? e.productNameJa() : e.productNameEn();
        return new RegistryView.Result(e.labelId(), e.registrationNumber(), scheme, level, e.status(), e.vendorName(),
                e.productId(), product, e.category().name(), e.models(), e.validUntil(), e.supportEnd());
    }

    private List<RegistryView.Option> schemeOptions(Page page, String selected) {
        List<RegistryView.Option> options = new ArrayList<>();
        options.add(new RegistryView.Option("", page.t("registry.any"), selected.isEmpty()));
        for (Scheme s : library.schemes()) {
            options.add(new RegistryView.Option(s.id(), s.name().in(page.lang()), s.id().equals(selected)));
        }
        return options;
    }

    private List<RegistryView.LevelGroup> levelOptions(Page page, String selected) {
        List<RegistryView.LevelGroup> groups = new ArrayList<>();
        for (Scheme s : library.schemes()) {
            List<RegistryView.Option> levels = new ArrayList<>();
            for (SchemeLevel l : s.levels()) {
                levels.add(new RegistryView.Option(l.id(), l.name().in(page.lang()), l.id().equals(selected)));
            }
            groups.add(new RegistryView.LevelGroup(s.name().in(page.lang()), levels));
        }
        return groups;
    }

    private static List<String> categories() {
        List<String> names = new ArrayList<>();
        for (Category c : Category.values()) {
            if (!c.generalPurpose()) {        // out of every scheme's scope: never labelled
                names.add(c.name());
            }
        }
        return names;
    }

    private static List<RegistryView.Option> options(Page page, List<String> values, String selected,
                                                     java.util.function.Function<String, String> text) {
        List<RegistryView.Option> options = new ArrayList<>();
        options.add(new RegistryView.Option("", page.t("registry.any"), selected.isEmpty()));
        for (String v : values) {
            options.add(new RegistryView.Option(v, text.apply(v), v.equals(selected)));
        }
        return options;
    }

    /** This search's address at another page: the form's own fields only. */
    private static String link(MultiValueMap<String, String> params, int pageNo) {
        StringBuilder url = new StringBuilder("/registry?");
        for (String name : List.of("q", "scheme", "level", "status", "vendor", "category", "validUntilAfter",
                "validUntilBefore")) {
            String v = first(params, name);
            if (!v.isEmpty()) {
                url.append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        }
        return url.append("page=").append(pageNo).toString();
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v.strip();
    }

    /** The page number from the form; anything else than a small whole number is the first page. */
    private static int pageNumber(String text) {
        try {
            int n = Integer.parseInt(text);
            return n < 0 ? 0 : Math.min(n, COUNT_CAP / PAGE_SIZE);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
