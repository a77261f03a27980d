package io.iotseal.server.browser;

import io.iotseal.server.AssessmentFixtures;
import io.iotseal.server.World;
import io.iotseal.server.access.Role;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendor notices in a real Chromium (issue 17 item 5, ADR 0100), in English and in Japanese: the vendor sends a
 * firmware update (refused first, each error next to its field, what was typed kept) and a support period change
 * from its label's notices page; the operator sees them in the queue, asks about one (an empty question refused
 * first), the vendor answers, the operator acknowledges both; the public label page shows the update and the new
 * support period end only then. Every page is checked by axe-core and photographed in the run's language.
 */
class NoticeBrowserTest extends BrowserTestSupport {

    @Test
    void noticesInEnglish() {
        walk("en", new Texts("Notices for label", "The notice was sent to the operator.", "Not accepted:",
                "Question from the operator", "Write a message.",
                "The notice was acknowledged.", "Updates notified by the vendor", "Firmware 2.0.0 released on",
                "The support period now ends on 2033-03-31."));
    }

    @Test
    void noticesInJapanese() {
        walk("ja", new Texts("の届出", "届出を運用者に送信しました。", "受け付けられませんでした：",
                "運用者からの質問あり", "メッセージを入力してください。",
                "届出を確認しました。", "ベンダーから届け出られた更新", "ファームウェア 2.0.0",
                "サポート期間の終了日は 2033-03-31 になりました。"));
    }

    private record Texts(String title, String sent, String refused, String asked, String emptyQuestion,
                         String acknowledged, String updates, String firmware, String support) {
    }

    private void walk(String lang, Texts t) {
        LabelView label = label();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        // --- The vendor: from the label's page to its notices.
        BrowserSession v = browser(lang).signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorA), PASSWORD);
        v.go("/vendor/labels/" + label.id());
        v.submit(v.find(By.id("notices-link")));
        assertThat(v.path()).isEqualTo("/vendor/labels/" + label.id() + "/notices");
        assertThat(v.find(By.tagName("h1")).getText()).contains(t.title(), label.labelId());
        v.look("notice-vendor-empty");

        // A firmware update without its release date and with a malformed CVE id: both refused at once, each next to
        // its field, what was typed kept.
        v.type("firmware-update-firmwareVersion", "2.0.0");
        v.type("firmware-update-changes", "Hardened the web UI");
        v.type("firmware-update-securityFixes", "CVE-2026-1");
        v.submit(v.find(By.id("send-firmware-update")));
        assertThat(v.find(By.id("firmware-update-releaseDate-error")).getText()).startsWith(t.refused());
        assertThat(v.find(By.id("firmware-update-securityFixes-error")).getText()).startsWith(t.refused());
        assertThat(v.find(By.id("firmware-update-changes")).getAttribute("value")).isEqualTo("Hardened the web UI");
        assertThat(v.find(By.id("firmware-update-securityFixes")).getAttribute("aria-invalid")).isEqualTo("true");
        v.look("notice-vendor-errors");
        v.setValue("firmware-update-releaseDate", yesterday);
        v.type("firmware-update-securityFixes", "CVE-2026-12345");
        v.submit(v.find(By.id("send-firmware-update")));
        assertThat(v.path()).isEqualTo("/vendor/labels/" + label.id() + "/notices?sent");
        assertThat(v.find(By.cssSelector("p.notice")).getText()).isEqualTo(t.sent());
        v.setValue("support-period-newSupportEnd", "2033-03-31");
        v.submit(v.find(By.id("send-support-period")));
        assertThat(v.path()).endsWith("?sent");
        // A shortened support period needs an explanation; it stays in the queue, flagged for the operator.
        String shorter = LocalDate.now(ZoneOffset.UTC).plusDays(100).toString();
        v.setValue("support-period-newSupportEnd", shorter);
        v.submit(v.find(By.id("send-support-period")));
        assertThat(v.find(By.id("support-period-explanation-error")).getText()).startsWith(t.refused());
        v.type("support-period-explanation", "The chipset vendor ends its updates");
        v.submit(v.find(By.id("send-support-period")));
        assertThat(v.path()).endsWith("?sent");
        assertThat(v.mainText()).contains("CVE-2026-12345", "2033-03-31", "2.0.0", shorter);
        v.look("notice-vendor-sent");

        UUID firmware = jdbc.sql("select id from vendor_notice where label_id = ? and kind = 'FIRMWARE_UPDATE'")
                .param(label.id()).query(UUID.class).single();
        UUID support = jdbc.sql("select id from vendor_notice where label_id = ? and new_support_end = ?")
                .params(label.id(), LocalDate.of(2033, 3, 31)).query(UUID.class).single();
        UUID shortened = jdbc.sql("select id from vendor_notice where label_id = ? and new_support_end = ?")
                .params(label.id(), LocalDate.parse(shorter)).query(UUID.class).single();
        // Nothing public yet.
        BrowserSession visitor = browser(lang).go("/l/" + label.labelId());
        assertThat(visitor.mainText()).doesNotContain(t.updates());

        // --- The operator: the queue, one notice, an empty question refused, then asked.
        BrowserSession o = browser(lang).signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        o.go("/operator/notices");
        assertThat(o.findAll(By.cssSelector("a[href='/operator/notices/" + firmware + "']"))).hasSize(1);
        assertThat(o.findAll(By.cssSelector("strong.flag"))).isNotEmpty();
        o.look("notice-operator-queue");
        o.go("/operator/notices/" + shortened);
        assertThat(o.findAll(By.cssSelector("strong.flag"))).hasSize(2);   // shortened, and before the label's expiry
        o.look("notice-operator-flagged");
        o.go("/operator/notices");
        o.submit(o.find(By.cssSelector("a[href='/operator/notices/" + firmware + "']")));
        assertThat(o.mainText()).contains(label.labelId(), "CVE-2026-12345");
        o.look("notice-operator-notice");
        o.submit(o.find(By.id("send-question")));
        assertThat(o.find(By.id("message-error")).getText()).isEqualTo(t.emptyQuestion());
        o.look("notice-operator-errors");
        o.type("message", "Which models get 2.0.0?");
        o.submit(o.find(By.id("send-question")));
        assertThat(o.path()).isEqualTo("/operator/notices/" + firmware + "?done=asked");
        assertThat(o.find(By.id("notice-state")).getText()).isEqualTo(t.asked());

        // --- The vendor answers on its notices page.
        v.go("/vendor/labels/" + label.id() + "/notices");
        assertThat(v.mainText()).contains("Which models get 2.0.0?");
        v.look("notice-vendor-question");
        v.type("answer-" + firmware, "All NC models");
        v.submit(v.find(By.cssSelector("form[action='/vendor/notices/" + firmware + "/answer'] button[type=submit]")));
        assertThat(v.path()).endsWith("/notices?answered");

        // --- The operator acknowledges both; then the public page shows them.
        o.go("/operator/notices/" + firmware);
        assertThat(o.mainText()).contains("All NC models");
        o.submit(o.find(By.id("acknowledge")));
        assertThat(o.find(By.cssSelector("p.notice")).getText()).isEqualTo(t.acknowledged());
        o.look("notice-operator-acknowledged");
        o.go("/operator/notices/" + support);
        o.submit(o.find(By.id("acknowledge")));
        assertThat(o.path()).endsWith("?done=acknowledged");

        visitor.go("/l/" + label.labelId());
        assertThat(visitor.mainText()).contains(t.updates(), t.firmware(), "CVE-2026-12345", t.support());
        WebElement artwork = visitor.find(By.cssSelector("figure img"));
        new WebDriverWait(visitor.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", artwork)));
        visitor.look("notice-public-label");
    }

    /** A BSI label of a fresh, published vendor A product (support until 2031), issued today. */
    private LabelView label() {
        ProductService products = context.getBean(ProductService.class);
        String name = "Browser Notice Cam " + UUID.randomUUID().toString().substring(0, 6);
        UUID product = products.create(operatorAdmin(), World.product(world.vendorA, name, true,
                LocalDate.of(2031, 12, 31))).id();
        products.addVersion(operatorAdmin(), product, new VersionInput("1.0.0", null, null));
        AssessmentView accepted = new AssessmentFixtures(context, world).accepted("de-bsi-label:label", product, "1.0.0");
        return context.getBean(LabelLookup.class).forAssessment(accepted.id());
    }
}
