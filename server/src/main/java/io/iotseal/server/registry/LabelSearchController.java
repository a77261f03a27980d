package io.iotseal.server.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The public label registry (issue 13, ADR 0080): search the labels of public products by scheme, level,
 * status, vendor, model number, GTIN, category and dates, a page at a time or streamed as a download; and
 * check many model numbers or GTINs at once.
 */
@RestController
@RequestMapping("/api/v1/labels")
class LabelSearchController {

    private final RegistryRepository repository;
    private final SearchCounts counts;
    private final BulkCheck bulkCheck;
    private final ObjectMapper json;
    private final Clock clock;

    LabelSearchController(RegistryRepository repository, SearchCounts counts, BulkCheck bulkCheck, ObjectMapper json,
                          Clock clock) {
        this.repository = repository;
        this.counts = counts;
        this.bulkCheck = bulkCheck;
        this.json = json;
        this.clock = clock;
    }

    @Operation(summary = "Bulk check for retailers: the current status of up to 10,000 model numbers or GTINs (JAN)")
    @PostMapping("/check")
    public CheckResult check(@RequestBody CheckInput input) {
        return bulkCheck.check(input);
    }

    @Operation(summary = "Search the labels of public products")
    @LabelFilterParameters
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "from 0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "1 to 100, default 20")
    @GetMapping
    public PageResult<LabelEntry> search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        LabelFilter filter = LabelFilter.of(params, Set.of("page", "size"));
        PageRequest page = new PageRequest(integer(params, "page", 0), integer(params, "size", 20));
        LocalDate today = today();
        return PageResult.of(repository.search(filter, today, page.size(), page.offset()), page,
                counts.count(filter, today));
    }

    @Operation(summary = "The same search, every match streamed as CSV or JSON Lines (format=csv|jsonl)")
    @LabelFilterParameters
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv or jsonl (default)")
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        LabelFilter filter = LabelFilter.of(params, Set.of("format"));
        LabelExport format = LabelExport.parse("format", params.getFirst("format"));
        LocalDate today = today();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"labels." + format.extension + "\"")
                .body(out -> format.write(repository, filter, today, json, out));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static int integer(MultiValueMap<String, String> params, String name, int otherwise) {
        String v = params.getFirst(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number");
        }
    }
}
