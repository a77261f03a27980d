package io.iotseal.server.browser;

import io.iotseal.server.CaseFixtures;
import io.iotseal.server.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 items 1-2 in a real Chromium (ADR 0099), in English and in Japanese: someone opens a label's page, reports
 * a vulnerability (a form error first), gets the private case link; the vendor acknowledges, marks it actively
 * exploited and replies; the reporter reads the reply on the link's page and answers; the operator sees the case on
 * its queue. Every page is checked by axe-core and photographed as target/screenshots/{en,ja}/case-*.png.
 */
class CaseBrowserTest extends BrowserTestSupport {

    @Test
    void reportAndCaseInEnglish() {
        walk("en", "Enter a one-line summary", "Keep this link", "Acknowledged", "Actively exploited", "Received");
    }

    @Test
    void reportAndCaseInJapanese() {
        walk("ja", "200文字以内の1行の概要", "このリンクを保存してください", "受領確認済み", "悪用を確認", "受付");
    }

    /** A small text file to attach, removed when the JVM exits. */
    private static java.nio.file.Path proofOfConcept() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempDirectory("case").resolve("poc.txt");
            java.nio.file.Files.writeString(file, "telnet 192.0.2.1 23\n# root shell, no password\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void walk(String lang, String summaryError, String keepText, String acknowledged, String exploited,
                      String received) {
        String name = "Report Cam " + lang + " " + UUID.randomUUID().toString().substring(0, 6);
        String summary = "Telnet root shell without a password (" + name + ")";
        String labelId = CaseFixtures.labelled(context, world, name, true, "4.2.0").labelId();

        // --- Someone scans the label and reports.
        BrowserSession r = browser(lang).go("/l/" + labelId);
        r.look("case-label-page");
        r.submit(r.find(By.id("report-link")));
        assertThat(r.path()).isEqualTo("/labels/" + labelId + "/report");
        assertThat(r.mainText()).contains(name);
        r.look("case-report-form");
        r.type("details", "Port 23 opens a root shell without a password.");
        r.submit(r.find(By.cssSelector("form.report button[type=submit]")));
        assertThat(r.find(By.id("summary-error")).getText()).contains(summaryError);
        assertThat(r.find(By.id("details")).getAttribute("value")).isEqualTo("Port 23 opens a root shell without a password.");
        r.look("case-report-errors");
        r.type("summary", summary);
        new Select(r.find(By.id("affectedVersion"))).selectByValue("4.2.0");
        r.find(By.id("activelyExploited")).click();
        r.type("reporterName", "Rei");
        r.find(By.id("consentToContact")).click();
        r.submit(r.find(By.cssSelector("form.report button[type=submit]")));
        assertThat(r.mainText()).contains(keepText);
        String caseLink = r.find(By.id("case-link-open")).getAttribute("href");
        String casePath = caseLink.substring(caseLink.indexOf("/cases/"));
        assertThat(r.find(By.id("case-link")).getText()).endsWith(casePath);
        r.look("case-report-submitted");
        r.submit(r.find(By.id("case-link-open")));
        assertThat(r.find(By.id("case-state")).getText()).isEqualTo(received);
        r.look("case-reporter-page");

        // --- The vendor acknowledges, marks it actively exploited and replies.
        BrowserSession v = browser(lang).signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorA), PASSWORD);
        v.go("/vendor/cases");
        assertThat(v.mainText()).contains(summary, name);
        v.look("case-vendor-list");
        v.submit(v.find(By.linkText(summary)));
        assertThat(v.mainText()).contains("Port 23 opens a root shell", "Rei");
        v.look("case-vendor-case");
        new Select(v.find(By.id("next-state"))).selectByValue("ACKNOWLEDGED");
        v.submit(v.find(By.cssSelector("form.transition button[type=submit]")));
        assertThat(v.find(By.id("case-state")).getText()).isEqualTo(acknowledged);
        v.find(By.id("activelyExploited")).click();
        v.type("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        v.submit(v.find(By.cssSelector("form.facts button[type=submit]")));
        assertThat(v.find(By.id("case-exploited")).getText()).contains(exploited);
        v.type("body", "Thank you. We reproduced it; a fix is coming in 4.2.1.");
        v.submit(v.find(By.cssSelector("form.reply button[type=submit]")));
        assertThat(v.mainText()).contains("a fix is coming in 4.2.1");
        v.look("case-vendor-case-replied");

        // --- The reporter reads the reply through the link and answers.
        r.go(casePath);
        assertThat(r.find(By.id("case-state")).getText()).isEqualTo(acknowledged);
        assertThat(r.mainText()).contains("a fix is coming in 4.2.1").doesNotContain("CVSS:3.1");
        r.find(By.id("file")).sendKeys(proofOfConcept().toString());
        r.submit(r.find(By.cssSelector("form[action$='/attachments'] button[type=submit]")));
        assertThat(r.mainText()).contains("poc.txt");
        r.type("body", "Thanks, I can test a beta of 4.2.1.");
        r.submit(r.find(By.cssSelector("form.reply button[type=submit]")));
        assertThat(r.mainText()).contains("I can test a beta of 4.2.1.");
        r.look("case-reporter-answered");

        // --- The operator sees it on the queue, with the same page.
        BrowserSession o = browser(lang).signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        o.go("/operator/cases?state=ACKNOWLEDGED");
        assertThat(o.mainText()).contains(summary);
        o.look("case-operator-queue");
        o.submit(o.find(By.linkText(summary)));
        assertThat(o.mainText()).contains("I can test a beta of 4.2.1.");
        o.look("case-operator-case");
    }
}
