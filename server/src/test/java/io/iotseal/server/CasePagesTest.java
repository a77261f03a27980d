package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The reporter's pages without a browser (ADR 0099): the label page links to the form; the form keeps what was typed
 * and shows each error next to its field; the confirmation shows the link once; the case page is private
 * (no-store, no Referer) and takes an answer. The browser test walks the same pages in Chromium.
 */
class CasePagesTest extends ApiTest {

    private static final Pattern LINK = Pattern.compile("/cases/([A-Za-z0-9_-]{43})");

    @Autowired
    private ApplicationContext context;

    private String label() {
        return CaseFixtures.labelled(context, world, "Page Cam " + UUID.randomUUID().toString().substring(0, 8), false,
                "3.0.0").labelId();
    }

    private static MockHttpServletRequestBuilder form(String labelId, String address) {
        return post("/labels/" + labelId + "/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    @Test
    void theFormKeepsWhatWasTypedShowsTheLinkOnceAndTheCasePageIsPrivate() throws Exception {
        String labelId = label();
        assertThat(mvc.perform(get("/l/" + labelId)).andReturn().getResponse().getContentAsString())
                .contains("href=\"/labels/" + labelId + "/report\"");
        MvcResult blank = mvc.perform(get("/labels/" + labelId + "/report")).andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(blank.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(blank.getResponse().getContentAsString()).contains("class=\"hp\"", "name=\"website\"", "3.0.0");
        assertThat(mvc.perform(get("/labels/ZZZZZZZZZZZZ/report").header(HttpHeaders.ACCEPT, "text/html")).andReturn()
                .getResponse().getStatus()).isEqualTo(404);

        MvcResult errors = mvc.perform(form(labelId, "203.0.113.10").param("summary", "").param("details", "kept text")
                .param("reporterEmail", "nope")).andReturn();
        assertThat(errors.getResponse().getStatus()).isEqualTo(422);
        String page = errors.getResponse().getContentAsString();
        assertThat(page).contains("id=\"summary-error\"", "id=\"reporterEmail-error\"", "kept text")
                .doesNotContain("id=\"details-error\"");

        MvcResult sent = mvc.perform(form(labelId, "203.0.113.10").param("summary", "Open telnet")
                .param("details", "Port 23 gives a root shell.").param("affectedVersion", "3.0.0")
                .param("activelyExploited", "true")).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(200);
        assertThat(sent.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        Matcher link = LINK.matcher(sent.getResponse().getContentAsString());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        MvcResult caseHtml = mvc.perform(get("/cases/" + token)).andReturn();
        assertThat(caseHtml.getResponse().getStatus()).isEqualTo(200);
        assertThat(caseHtml.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(caseHtml.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(caseHtml.getResponse().getContentAsString()).contains("Open telnet", "Port 23 gives a root shell.");

        MvcResult empty = mvc.perform(post("/cases/" + token + "/messages").param("body", " ")).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(422);
        assertThat(empty.getResponse().getContentAsString()).contains("id=\"body-error\"");
        MvcResult answered = mvc.perform(post("/cases/" + token + "/messages").param("body", "More details: 2.")).andReturn();
        assertThat(answered.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + token + "?done=sent");
        assertThat(mvc.perform(get("/cases/" + token)).andReturn().getResponse().getContentAsString())
                .contains("More details: 2.");
    }

    @Test
    void theReporterAttachesAFileOnTheCasePageAndAWrongTypeIsShownAtTheField() throws Exception {
        String labelId = label();
        MvcResult sent = mvc.perform(form(labelId, "203.0.113.12").param("summary", "Weak TLS")
                .param("details", "TLS 1.0 only.")).andReturn();
        Matcher link = LINK.matcher(sent.getResponse().getContentAsString());
        assertThat(link.find()).isTrue();
        String path = "/cases/" + link.group(1) + "/attachments";
        MvcResult ok = mvc.perform(multipart(path).part(AuthorizationMatrixTest.textPart("scan.txt", "TLSv1.0 only")))
                .andReturn();
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + link.group(1) + "?done=attached");
        assertThat(mvc.perform(get("/cases/" + link.group(1))).andReturn().getResponse().getContentAsString())
                .contains("scan.txt");
        MockPart exe = new MockPart("file", "tool.exe", new byte[]{'M', 'Z', 0, 0});
        exe.getHeaders().setContentType(MediaType.APPLICATION_OCTET_STREAM);
        MvcResult refused = mvc.perform(multipart(path).part(exe)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(415);
        assertThat(refused.getResponse().getContentAsString()).contains("id=\"file-error\"").doesNotContain("tool.exe");
        MvcResult none = mvc.perform(multipart(path)).andReturn();
        assertThat(none.getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(multipart("/cases/" + "B".repeat(43) + "/attachments")
                .part(AuthorizationMatrixTest.textPart("scan.txt", "x")).header(HttpHeaders.ACCEPT, "text/html"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aFilledHoneypotLooksAcceptedButStoresNothing() throws Exception {
        String labelId = label();
        long before = jdbc.sql("select count(*) from disclosure_case").query(Long.class).single();
        MvcResult bot = mvc.perform(form(labelId, "203.0.113.11").param("summary", "Buy now").param("details", "spam")
                .param("website", "https://spam.example")).andReturn();
        assertThat(bot.getResponse().getStatus()).isEqualTo(200);
        Matcher link = LINK.matcher(bot.getResponse().getContentAsString());
        assertThat(link.find()).as("the same confirmation a person gets").isTrue();
        assertThat(jdbc.sql("select count(*) from disclosure_case").query(Long.class).single()).isEqualTo(before);
        assertThat(mvc.perform(get("/cases/" + link.group(1)).header(HttpHeaders.ACCEPT, "text/html")).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }
}
