package io.iotseal.server.browser;

import io.iotseal.server.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole ★1 self-declaration in browsers, every role in its own console (issue 14 "Done when"; ADR 0085,
 * 0086): the vendor registers a product and a version, fills the checklist, attaches evidence and submits; the
 * operator asks for a change on one requirement; the vendor sees it next to that requirement, answers and
 * submits again; the operator accepts; a consumer searches the registry for the model number and opens the
 * label's public page in Japanese.
 */
class StarOneAcrossRolesBrowserTest extends BrowserTestSupport {

    @Test
    void vendorDeclaresOperatorAsksForAChangeThenAcceptsAndTheLabelIsPublic() throws IOException {
        BrowserSession vendor = browser("en").signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorA), PASSWORD);
        vendor.go("/vendor/products/new");
        String name = "Across Roles Cam " + UUID.randomUUID().toString().substring(0, 6);
        vendor.type("nameEn", name);
        String model = "ARC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        vendor.type("modelNumbers", model);
        new Select(vendor.find(By.id("category"))).selectByValue("CAMERA");
        vendor.setValue("supportEndDate", "2030-09-30"); // within the registry tests' support-end window (LabelSearchApiTest)
        vendor.type("vulnerabilityDisclosureUrl", "https://vendor-a.example/security");
        vendor.type("vulnerabilityContact", "security@vendor-a.example");
        vendor.find(By.id("published")).click();   // listed in the public registry once labelled
        vendor.submit(vendor.find(By.cssSelector("form[action='/vendor/products'] button[type=submit]")));
        String productPath = vendor.path().replace("?created", "");
        vendor.type("version", "1.0.0");
        vendor.submit(vendor.find(By.cssSelector("form[action$='/versions'] button[type=submit]")));
        vendor.submit(vendor.find(By.cssSelector("a[href^='/vendor/assessments/new']")));
        vendor.submit(vendor.find(By.cssSelector("form[method=get] button[type=submit]")));
        vendor.submit(vendor.find(By.cssSelector("form[action='/vendor/assessments'] button[type=submit]")));
        String checklist = vendor.path().replace("?started", "");
        String id = checklist.substring(checklist.lastIndexOf('/') + 1);
        assertThat(productPath).startsWith("/vendor/products/");

        int count = vendor.findAll(By.cssSelector("section.requirement")).size();
        for (int i = 0; i < count; i++) {
            new Select(vendor.find(By.id("req-" + i + "-verdict"))).selectByValue("PASS");
            vendor.type("req-" + i + "-justification", "Checked on the product, release 1.0.0.");
        }
        vendor.submit(vendor.find(By.cssSelector(".actions button:not([formaction])")));
        vendor.find(By.id("req-0-file")).sendKeys(BrowserSession.smallPng().toString());
        vendor.submit(vendor.find(By.cssSelector("#req-0 form.upload button[type=submit]")));
        vendor.submit(vendor.find(By.cssSelector("button[formaction$='/submit']")));
        assertThat(vendor.path()).isEqualTo(checklist + "?submitted");
        vendor.checkAccessibility();
        vendor.screenshot("across-vendor-submitted");

        // The operator (in Japanese) asks for a change on the second requirement only.
        BrowserSession operator = browser("ja").signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        operator.go("/operator");
        operator.submit(operator.find(By.cssSelector("a[href='/operator/assessments/" + id + "']")));
        assertThat(operator.mainText()).contains(name, "evidence.png");
        operator.find(By.id("note-1")).sendKeys("各機器に固有の初期パスワードをどう設定するか書いてください。");
        operator.find(By.id("action-request-changes")).click();
        operator.find(By.id("comment")).sendKeys("1件の要求事項について説明が必要です。");
        operator.submit(operator.find(By.cssSelector("fieldset.decision button[type=submit]")));
        assertThat(operator.find(By.id("state")).getText()).isEqualTo("修正依頼中");
        operator.checkAccessibility();
        operator.screenshot("across-operator-requested");

        // The vendor sees the comment on that requirement, answers it and submits again.
        vendor.go(checklist);
        assertThat(vendor.find(By.id("req-1-change")).getText()).contains("固有の初期パスワード");
        assertThat(vendor.findAll(By.id("req-2-change"))).isEmpty();
        vendor.checkAccessibility();
        vendor.screenshot("across-vendor-change-requested");
        vendor.type("req-1-justification", "Each device gets a random password printed on its label at the factory.");
        vendor.submit(vendor.find(By.cssSelector(".actions button:not([formaction])")));
        vendor.submit(vendor.find(By.cssSelector("button[formaction$='/submit']")));
        assertThat(vendor.path()).isEqualTo(checklist + "?submitted");

        // The operator accepts; the label is issued.
        operator.go("/operator/assessments/" + id);
        assertThat(operator.mainText()).contains("random password printed on its label");
        operator.find(By.id("action-accept")).click();
        operator.submit(operator.find(By.cssSelector("fieldset.decision button[type=submit]")));
        assertThat(operator.find(By.id("state")).getText()).isEqualTo("承認済み");
        operator.submit(operator.find(By.cssSelector("a[href='/operator/labels?assessment=" + id + "']")));
        String publicPage = operator.find(By.linkText("公開ラベルページを開く")).getAttribute("href");
        operator.checkAccessibility();
        operator.screenshot("across-operator-label");

        // A consumer finds the product in the registry by its model number and opens the label in Japanese.
        BrowserSession consumer = browser("ja").go("/");
        consumer.find(By.id("q")).sendKeys(model);
        consumer.submit(consumer.find(By.cssSelector("form.search button[type=submit]")));
        assertThat(consumer.path()).startsWith("/registry?q=" + model);
        assertThat(consumer.mainText()).contains(name);
        consumer.checkAccessibility();
        consumer.screenshot("across-consumer-registry");
        consumer.submit(consumer.find(By.cssSelector("li.result a[href^='/l/']")));
        assertThat(consumer.path()).isEqualTo(publicPage.substring(publicPage.indexOf("/l/")));
        assertThat(consumer.lang()).isEqualTo("ja");
        assertThat(consumer.mainText()).contains(name, "有効");
        consumer.checkAccessibility();
        consumer.screenshot("across-consumer-label");
        consumer.switchLanguage("en");
        assertThat(consumer.mainText()).contains(name, "Valid");
        consumer.checkAccessibility();
        consumer.screenshot("across-consumer-label");
    }
}
