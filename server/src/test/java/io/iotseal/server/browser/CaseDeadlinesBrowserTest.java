package io.iotseal.server.browser;

import io.iotseal.server.CaseFixtures;
import io.iotseal.server.TestClock;
import io.iotseal.server.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 3 in a real Chromium (ADR 0101), in English and Japanese: the vendor marks a reported case actively
 * exploited and its case page lists the CRA deadlines running; 25 hours on, the early warning is overdue on the case
 * page and the operator's queue flags the case under "needs attention"; the vendor records the early warning as sent
 * and the deadline reads "met late". Every page is checked by axe-core and photographed as
 * target/screenshots/{en,ja}/case-deadlines-*.png.
 */
class CaseDeadlinesBrowserTest extends BrowserTestSupport {

    @Autowired
    private TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void deadlinesInEnglish() throws Exception {
        walk("en", "Running", "Overdue", "Met late", "IoTSeal default");
    }

    @Test
    void deadlinesInJapanese() throws Exception {
        walk("ja", "進行中", "期限超過", "期限後に対応", "IoTSeal既定値");
    }

    private void walk(String lang, String running, String overdue, String metLate, String iotsealDefault) throws Exception {
        clock.setToday(TestClock.realToday().minusDays(2));
        String name = "Deadline Cam " + lang + " " + UUID.randomUUID().toString().substring(0, 6);
        String summary = "Hard-coded update key (" + name + ")";
        String labelId = CaseFixtures.labelled(context, world, name, false, "2.0.0").labelId();
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/labels/" + labelId + "/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"summary\":\"" + summary + "\",\"details\":\"The firmware"
                        + " update is signed with a key that is the same on every device.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String vendor = userWithRole(Role.VENDOR_ADMIN, world.vendorA);

        // --- The vendor marks it actively exploited: the CRA's 24 h and 72 h clocks start.
        BrowserSession v = browser(lang).signIn(vendor, PASSWORD).go("/vendor/cases");
        v.submit(v.find(By.linkText(summary)));
        v.find(By.id("activelyExploited")).click();
        v.submit(v.find(By.cssSelector("form.facts button[type=submit]")));
        String casePath = v.path();
        assertThat(v.find(By.id("deadline-cra-art14-vulnerability-early-warning")).getText()).contains(running);
        assertThat(v.find(By.id("deadline-jc-star-acknowledgement")).getText()).contains(iotsealDefault);
        v.look("case-deadlines-running");

        // --- 25 hours on: the early warning is overdue (new sessions: the clock moved a day).
        clock.advance(Duration.ofHours(25));
        BrowserSession v2 = browser(lang).signIn(vendor, PASSWORD).go(casePath);
        assertThat(v2.find(By.id("deadline-cra-art14-vulnerability-early-warning")).getText()).contains(overdue);
        assertThat(v2.find(By.cssSelector(".deadline-alert")).getText()).isNotBlank();
        v2.look("case-deadlines-overdue");

        BrowserSession o = browser(lang).signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        o.go("/operator/cases");
        o.find(By.id("needsAttention")).click();
        o.submit(o.find(By.cssSelector("main form button[type=submit]")));
        assertThat(o.path()).startsWith("/operator/cases").contains("needsAttention=true");
        assertThat(o.mainText()).contains(summary, overdue);
        o.look("case-deadlines-queue");
        o.submit(o.find(By.linkText(summary)));
        assertThat(o.find(By.id("deadline-cra-art14-vulnerability-early-warning")).getText()).contains(overdue);

        // --- The vendor records the early warning as sent: met, late.
        new Select(v2.find(By.id("moment"))).selectByValue("EARLY_WARNING_SENT");
        v2.submit(v2.find(By.cssSelector("form.moment button[type=submit]")));
        assertThat(v2.find(By.id("deadline-cra-art14-vulnerability-early-warning")).getText()).contains(metLate);
        v2.look("case-deadlines-met-late");
    }
}
