package io.iotseal.server.csaf;

import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Directory listings of the TLP:WHITE folder and its year folders (CSAF 2.0 requirement 14, "to support manual
 * navigation", ADR 0098): pages with relative links, in the visitor's language, public like the files.
 */
@Controller
class CsafDirectoryPages {

    private final CsafRepository repository;

    CsafDirectoryPages(CsafRepository repository) {
        this.repository = repository;
    }

    @GetMapping(CsafSite.DIRECTORY + "/")
    String folder(Page page, Model model, HttpServletResponse response) {
        List<String> entries = new ArrayList<>(List.of("index.txt", "changes.csv"));
        new TreeSet<>(repository.all().stream().map(s -> s.year() + "/").toList()).forEach(entries::add);
        return listing(page, model, response, CsafSite.DIRECTORY + "/", entries);
    }

    @GetMapping(CsafSite.DIRECTORY + "/{year}/")
    String year(Page page, Model model, HttpServletResponse response, @PathVariable String year) {
        List<String> entries = new ArrayList<>();
        repository.all().stream().filter(s -> Integer.toString(s.year()).equals(year)).forEach(s -> {
            entries.add(s.fileName());
            entries.add(s.fileName() + ".asc");
            entries.add(s.fileName() + ".sha512");
        });
        if (entries.isEmpty()) {
            throw ApiException.notFound("CSAF folder " + year);
        }
        return listing(page, model, response, CsafSite.DIRECTORY + "/" + year + "/", entries);
    }

    private static String listing(Page page, Model model, HttpServletResponse response, String folder,
                                  List<String> entries) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, page.signedIn() ? "private, no-cache" : "public, max-age=60");
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        model.addAttribute("page", page);
        model.addAttribute("folder", folder);
        model.addAttribute("entries", entries);
        return "csaf/directory";
    }
}
