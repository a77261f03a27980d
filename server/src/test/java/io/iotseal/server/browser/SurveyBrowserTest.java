package io.iotseal.server.browser;

import io.iotseal.server.AssessmentFixtures;
import io.iotseal.server.World;
import io.iotseal.server.access.Role;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.survey.CampaignService;
import io.iotseal.server.survey.IngestService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's "done when" on the registry side in a real Chromium (ADR 0105), in English and in Japanese: a
 * simulated device whose fingerprint matches a labelled camera and accepts a default password shows up as a
 * finding on that label for the operator, reached from the surveillance page; a decision without a note is
 * refused next to its form, then the finding is noted; the label's status actions are one link away. Every page is
 * checked by axe-core and photographed.
 */
class SurveyBrowserTest extends BrowserTestSupport {

    @Test
    void surveyFindingsInEnglish() {
        walk("en", "Too broad", "Survey findings", "A note is required", "The finding was noted.", "Status actions of label");
    }

    @Test
    void surveyFindingsInJapanese() {
        walk("ja", "範囲が広すぎます", "調査の検出事項", "メモは必須です", "検出事項を確認済みにしました。", "の状態変更");
    }

    private void walk(String lang, String tooBroad, String title, String noteError, String noted, String statusLink) {
        String r = UUID.randomUUID().toString().substring(0, 6);
        LabelView label = label("Browser Survey Cam " + r);

        // --- The vendor declares the camera's fingerprint from its product page: a too short prefix first.
        BrowserSession v = browser(lang).signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorA), PASSWORD);
        v.go("/vendor/products/" + label.productId());
        v.submit(v.find(By.id("fingerprints-link")));
        assertThat(v.path()).isEqualTo("/vendor/products/" + label.productId() + "/fingerprints");
        new Select(v.find(By.id("kind"))).selectByValue("HTTP_TITLE");
        v.find(By.id("matchType-PREFIX")).click();
        v.type("value", "Acm");
        v.submit(v.find(By.cssSelector("form[action$='/fingerprints'] button[type=submit]")));
        assertThat(v.find(By.id("value-error")).getText()).contains(tooBroad);
        assertThat(v.find(By.id("value")).getAttribute("value")).isEqualTo("Acm");
        v.look("vendor-fingerprints-error");
        v.find(By.id("matchType-EXACT")).click();
        v.type("value", "Acme NetCam 200 " + r);
        v.type("port", "8080");
        v.submit(v.find(By.cssSelector("form[action$='/fingerprints'] button[type=submit]")));
        assertThat(v.mainText()).contains("Acme NetCam 200 " + r, "8080");
        v.look("vendor-fingerprints");
        String campaign = "browser-" + lang + "-" + r;
        int octet = "en".equals(lang) ? 61 : 62;
        String scope = "{\"format\":\"iotseal-survey-scope/1\",\"id\":\"" + campaign + "\",\"title\":\"Browser survey\","
                + "\"blocks\":[\"127." + octet + ".0.0/24\"],\"ports\":[8080],\"checks\":[\"default-credentials\"],"
                + "\"credentials\":[{\"username\":\"admin\",\"password\":\"admin\"}],\"rate\":50,"
                + "\"window\":{\"from\":\"2026-12-01T00:00:00Z\",\"until\":\"2026-12-31T23:59:59Z\"},"
                + "\"legalBasis\":\"Browser test statement\",\"signedOffBy\":\"Jane Doe\",\"signedOffAt\":\"2026-11-30T09:00:00Z\"}";
        String sha = context.getBean(CampaignService.class).register(operatorAdmin(), campaign, scope).campaign().scopeSha256();
        StringBuilder upload = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            upload.append("{\"format\":\"iotseal-survey-observation/1\",\"campaign\":\"").append(campaign)
                    .append("\",\"scopeSha256\":\"").append(sha).append("\",\"address\":\"127.").append(octet).append(".0.")
                    .append(i).append("\",\"observedAt\":\"2026-12-01T17:00:00Z\",\"finishedAt\":\"2026-12-01T17:00:01Z\",")
                    .append("\"reached\":true,\"optedOut\":false,\"reachability\":\"port 8080 open\",")
                    .append("\"services\":[{\"port\":8080,\"service\":\"http\"}],")
                    .append("\"fingerprints\":[{\"kind\":\"HTTP_TITLE\",\"port\":8080,\"value\":\"Acme NetCam 200 ").append(r).append("\"}],")
                    .append("\"findings\":[{\"check\":\"default-credentials\",\"port\":8080,\"service\":\"http\",\"verdict\":\"FAIL\",")
                    .append("\"summary\":\"logged in with a default credential (admin/[redacted])\",\"requirements\":[]}],")
                    .append("\"worker\":\"browser/1\"}\n");
        }
        byte[] body = upload.toString().getBytes(StandardCharsets.UTF_8);
        IngestService.Result result = context.getBean(IngestService.class).ingest(operatorAdmin(), campaign, body.length,
                new ByteArrayInputStream(body));
        assertThat(result.labelFindings()).isEqualTo(2);
        UUID first = context.getBean(JdbcClient.class).sql("select id from survey_label_finding where campaign_id = ?"
                + " and address = ?").params(campaign, "127." + octet + ".0.1").query(UUID.class).single();

        BrowserSession o = browser(lang).signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        o.go("/operator/surveillance");
        o.submit(o.find(By.cssSelector("a[href='/operator/surveillance/survey-findings']")));
        assertThat(o.find(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(o.mainText()).contains(label.labelId(), campaign, "127." + octet + ".0.1", "default-credentials",
                "HTTP_TITLE:8080 EXACT Acme NetCam 200 " + r);
        o.look("operator-survey-findings");

        // A decision without a note: refused next to its form, the choice kept.
        o.find(By.id("decision-NOTED-" + first)).click();
        o.submit(o.find(By.cssSelector("form[action$='/" + first + "/decision'] button[type=submit]")));
        assertThat(o.find(By.id("error-" + first)).getText()).contains(noteError);
        assertThat(o.find(By.id("decision-NOTED-" + first)).isSelected()).isTrue();
        assertThat(o.find(By.id("note-" + first)).getAttribute("aria-invalid")).isEqualTo("true");
        o.look("operator-survey-findings-error");
        o.type("note-" + first, "Put to the vendor; default password in the field.");
        o.submit(o.find(By.cssSelector("form[action$='/" + first + "/decision'] button[type=submit]")));
        assertThat(o.mainText()).contains(noted);
        assertThat(o.findAll(By.id("finding-" + first))).as("no longer open").isEmpty();
        o.look("operator-survey-findings-noted");

        // One label's findings, as a surveillance proposal links to them.
        o.go("/operator/surveillance/survey-findings?label=" + label.id());
        assertThat(o.findAll(By.cssSelector("section.survey-label"))).hasSize(1);
        assertThat(o.mainText()).contains(label.labelId(), "127." + octet + ".0.2").doesNotContain("127." + octet + ".0.1");

        // The label's status actions, as for a surveillance proposal: a link, nothing applied.
        var link = o.find(By.cssSelector("a[href='/operator/labels/" + label.id() + "']"));
        assertThat(link.getText()).contains(statusLink);
        o.submit(link);
        assertThat(o.path()).isEqualTo("/operator/labels/" + label.id());
        assertThat(o.findAll(By.cssSelector("form[action$='/status']"))).hasSize(1);
    }

    private LabelView label(String name) {
        ProductService products = context.getBean(ProductService.class);
        UUID product = products.create(operatorAdmin(), World.product(world.vendorA, name, true,
                LocalDate.of(2031, 12, 31))).id();
        products.addVersion(operatorAdmin(), product, new VersionInput("1.0.0", null, null));
        AssessmentView accepted = new AssessmentFixtures(context, world).accepted("de-bsi-label:label", product, "1.0.0");
        return context.getBean(LabelLookup.class).forAssessment(accepted.id());
    }
}
