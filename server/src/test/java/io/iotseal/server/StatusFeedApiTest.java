package io.iotseal.server;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The Atom feed of public label status changes (issue 13, ADR 0083), read with Rome, an Atom parser we did
 * not write: the required elements (RFC 4287 4.1.1 and 4.1.2: id, title, updated, author), urn:uuid ids,
 * newest first, RFC 5005 paging links, expiry, vendor and label filters, ja/en, and bad input.
 */
class StatusFeedApiTest extends ApiTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private TestClock clock;

    private record Labelled(UUID id, String labelId, LocalDate expiry) {
    }

    private Labelled labelled() {
        String name = "Feed Cam " + UUID.randomUUID().toString().substring(0, 8);
        Actor operator = new Actor(UUID.randomUUID(), "feed-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        UUID product = context.getBean(ProductService.class)
                .create(operator, World.product(world.vendorA, name, true, LocalDate.of(2030, 12, 31))).id();
        context.getBean(ProductService.class).addVersion(operator, product, new VersionInput("1.0.0", null, null, null));
        var accepted = new AssessmentFixtures(context, world).accepted("jc-star:star-1", product, "1.0.0");
        return jdbc.sql("select id, label_id, expiry from label where assessment_id = ?").param(accepted.id())
                .query((rs, n) -> new Labelled(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .single();
    }

    private void change(Labelled label, String action) throws Exception {
        long version = jdbc.sql("select version from label where id = ?").param(label.id()).query(Long.class).single();
        MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labels/" + label.id() + "/status"),
                Map.of("action", action, "reason", "Feed test " + action)).header(HttpHeaders.IF_MATCH, "\"" + version + "\"")))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    }

    /** The feed as Rome reads it, after checking the response's type, caching and CORS headers. */
    private Feed feed(String query) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/labels/feed?" + query).header("Origin", "https://reader.example"))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/atom+xml");
        assertThat(r.getHeader(HttpHeaders.CACHE_CONTROL)).contains("public");
        assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        WireFeedInput input = new WireFeedInput();
        Feed feed = (Feed) input.build(new InputSource(new StringReader(r.getContentAsString())));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        // RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (here at feed level).
        assertThat(feed.getId()).startsWith("urn:uuid:");
        assertThat(feed.getTitleEx().getValue()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).singleElement().satisfies(a -> assertThat(a.getName()).isNotBlank());
        for (Entry e : feed.getEntries()) {
            // 4.1.2: an entry has id, title, updated; a summary here since it has no content.
            assertThat(e.getId()).startsWith("urn:uuid:");
            assertThat(e.getTitleEx().getValue()).isNotBlank();
            assertThat(e.getUpdated()).isNotNull();
            assertThat(e.getSummary().getValue()).isNotBlank();
            assertThat(e.getAlternateLinks()).singleElement().satisfies(l -> assertThat(l.getHref()).contains("/l/"));
        }
        return feed;
    }

    private static List<String> terms(Feed feed) {
        return feed.getEntries().stream().map(e -> ((Category) e.getCategories().get(0)).getTerm()).toList();
    }

    private static String link(Feed feed, String rel) {
        for (Link l : feed.getOtherLinks()) {
            if (rel.equals(l.getRel())) {
                return l.getHref();
            }
        }
        return null;
    }

    @Test
    void aLabelsChangesAppearNewestFirstWithStableIdsInEnglishAndJapanese() throws Exception {
        Labelled label = labelled();
        change(label, "suspend");
        change(label, "reinstate");
        change(label, "revoke");

        Feed feed = feed("label=" + label.labelId());
        assertThat(terms(feed)).containsExactly("revoked", "reinstated", "suspended", "issued");
        List<Instant> times = feed.getEntries().stream().map(e -> e.getUpdated().toInstant()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(feed.getEntries().get(0).getTitleEx().getValue()).isEqualTo("Label " + label.labelId() + " revoked");
        assertThat(feed.getEntries().get(0).getSummary().getValue()).contains("Reason: Feed test revoke");
        assertThat(feed.getTitleEx().getValue()).contains(label.labelId());
        // The same change has the same id in every request and in the registry-wide feed.
        Feed again = feed("label=" + label.labelId());
        assertThat(again.getEntries().get(2).getId()).isEqualTo(feed.getEntries().get(2).getId());
        assertThat(feed.getEntries().stream().map(Entry::getId).distinct()).hasSize(4);
        Feed registry = feed("");
        assertThat(registry.getEntries().get(0).getId()).isEqualTo(feed.getEntries().get(0).getId());

        Feed ja = feed("label=" + label.labelId() + "&lang=ja");
        // Rome does not read xml:lang on the feed element; the JDK's namespace-aware DOM does.
        String raw = mvc.perform(get("/api/v1/labels/feed?label=" + label.labelId() + "&lang=ja")).andReturn().getResponse()
                .getContentAsString();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(raw))).getDocumentElement();
        assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("ja");
        assertThat(ja.getEntries().get(2).getTitleEx().getValue()).isEqualTo("ラベル " + label.labelId() + " が一時停止されました");
        assertThat(ja.getEntries().get(0).getSummary().getValue()).contains("理由: Feed test revoke");

        // Another vendor's feed does not report this label.
        Feed vendorB = feed("vendorId=" + world.vendorB);
        assertThat(vendorB.getEntries()).noneMatch(e -> e.getTitleEx().getValue().contains(label.labelId()));
        Feed vendorA = feed("vendorId=" + world.vendorA);
        assertThat(vendorA.getEntries().get(0).getId()).isEqualTo(feed.getEntries().get(0).getId());
    }

    @Test
    void aLabelPastItsExpiryDayHasAnExpiredEntryAtTheStartOfTheNextDay() throws Exception {
        Labelled label = labelled();
        try {
            clock.setToday(label.expiry().plusDays(3));
            Feed feed = feed("label=" + label.labelId());
            assertThat(terms(feed)).containsExactly("expired", "issued");
            assertThat(feed.getEntries().get(0).getUpdated().toInstant())
                    .isEqualTo(label.expiry().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        } finally {
            clock.reset();
        }
        assertThat(terms(feed("label=" + label.labelId()))).containsExactly("issued");
    }

    @Test
    void pagesCarryRfc5005LinksFiftyEntriesEach() throws Exception {
        Labelled label = labelled();
        for (int i = 0; i < 26; i++) {
            change(label, "suspend");
            change(label, "reinstate");
        }
        Feed first = feed("label=" + label.labelId());
        assertThat(first.getEntries()).hasSize(50);
        assertThat(link(first, "self")).endsWith("page=0");
        assertThat(link(first, "first")).endsWith("page=0");
        assertThat(link(first, "next")).endsWith("page=1");
        assertThat(link(first, "last")).endsWith("page=1");
        assertThat(link(first, "previous")).isNull();
        String next = link(first, "next");
        Feed second = feed(next.substring(next.indexOf('?') + 1));
        assertThat(terms(second)).containsExactly("reinstated", "suspended", "issued");
        assertThat(link(second, "previous")).endsWith("page=0");
        assertThat(link(second, "next")).isNull();
        assertThat(second.getId()).isEqualTo(first.getId());
    }

    @Test
    void badQueriesAreProblemsNamingTheField() throws Exception {
        Map<String, String> cases = Map.of("colour", "red", "page", "-1", "vendorId", "acme", "lang", "fr",
                "label", "<script>");
        for (var c : cases.entrySet()) {
            expectProblem(c.getKey(), c.getKey() + "=" + java.net.URLEncoder.encode(c.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        expectProblem("page", "page=two");
        expectProblem("page", "page=200");
        expectProblem("page", "page=1&page=2");
    }

    private void expectProblem(String field, String query) throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/labels/feed?" + query)).andReturn();
        assertThat(r.getResponse().getStatus()).as(query).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(body(r).get("errors").get(0).get("field").asText()).as(query).isEqualTo(field);
    }
}
