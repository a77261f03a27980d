package io.iotseal.server.registry.feed;

import io.iotseal.server.label.LabelProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.iotseal.digest.Sha256;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The public Atom feed of label status changes (issue 13, ADR 0083): the registry's, one vendor's or one
 * label's, newest first, {@value #PAGE_SIZE} entries a page, paged with RFC 5005 links through the newest
 * {@value #MAX_ENTRIES} changes (the open-data dump holds every label's current state).
 */
@RestController
class StatusFeedController {

    static final String PATH = "/api/v1/labels/feed";
    static final int PAGE_SIZE = 50;
    static final int MAX_ENTRIES = 10_000;
    private static final int LAST_ALLOWED_PAGE = MAX_ENTRIES / PAGE_SIZE - 1;
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final StatusFeedRepository repository;
    private final Clock clock;
    private final String base;

    StatusFeedController(StatusFeedRepository repository, Clock clock, LabelProperties labels) {
        this.repository = repository;
        this.clock = clock;
        this.base = labels.publicUrl().replaceAll("/+$", "");
    }

    @Operation(summary = "Atom feed (RFC 4287, RFC 5005 paging) of public label status changes: issued, suspended,"
            + " reinstated, revoked, expired; newest first")
    @Parameter(name = "vendorId", in = ParameterIn.QUERY, description = "only this vendor's labels")
    @Parameter(name = "label", in = ParameterIn.QUERY, description = "only this label (public id)")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "0 (newest) to " + LAST_ALLOWED_PAGE)
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = "en (default) or ja")
    @GetMapping(PATH)
    public ResponseEntity<byte[]> feed(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
                                       @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        FeedFilter filter = FeedFilter.of(params, LAST_ALLOWED_PAGE);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int wanted = (filter.page() + 1) * PAGE_SIZE;
        // Newest first from both sources, merged: the page's entries are among the newest 'wanted' of each.
        List<StatusChange> merged = new ArrayList<>(repository.audited(filter, wanted));
        merged.addAll(repository.expired(filter, today, wanted));
        merged.sort(Comparator.comparing(StatusChange::at).reversed().thenComparing(StatusChange::key,
                Comparator.reverseOrder()));
        int from = Math.min(filter.page() * PAGE_SIZE, merged.size());
        List<StatusChange> entries = merged.subList(from, Math.min(from + PAGE_SIZE, merged.size()));
        long total = Math.min(MAX_ENTRIES, repository.countAudited(filter) + repository.countExpired(filter, today));
        int lastPage = (int) Math.max(0, (total + PAGE_SIZE - 1) / PAGE_SIZE - 1);

        String titleKey = "feed.title";
        String subject = null;
        StringJoiner query = new StringJoiner("&");
        if (filter.vendorId() != null) {
            titleKey = "feed.title.vendor";
            String name = repository.vendorName(filter.vendorId());
            subject = name == null ? filter.vendorId().toString() : name;
            query.add("vendorId=" + filter.vendorId());
        }
        if (filter.label() != null) {
            titleKey = "feed.title.label";
            subject = filter.label();
            query.add("label=" + URLEncoder.encode(filter.label(), StandardCharsets.UTF_8));
        }
        byte[] body = AtomFeed.write(new AtomFeed.Page(entries, filter.page(), lastPage, titleKey, subject), base, PATH,
                query.toString(), filter.lang(), clock.instant(), author());
        // The ETag is the page's digest: a reader polling an unchanged page gets a 304 without a body.
        String etag = "\"" + Sha256.hex(body).substring(0, 32) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic()).build();
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf(AtomFeed.MEDIA_TYPE + ";charset=UTF-8")).eTag(etag)
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic()).body(body);
    }

    /** The feed's author: the scheme operator, or the registry's URL before an operator is recorded. */
    private String author() {
        String operator = repository.operatorName();
        return operator == null ? base : operator;
    }
}
