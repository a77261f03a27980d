package io.iotseal.server.browser;

import io.iotseal.server.AssessmentFixtures;
import io.iotseal.server.CameraFirmware;
import io.iotseal.server.TestClock;
import io.iotseal.server.World;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.advisory.FeedUploads;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.sbom.SbomService;
import io.iotseal.server.surveillance.ProposalService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "done when" in a real Chromium (ADR 0096), in English and in Japanese: the vendor sees the
 * findings of its camera firmware and triages them on the findings page (an error first: not affected
 * without a justification); the operator sees the suspension proposal for the KEV-listed BusyBox, opens the
 * hearing, is refused a decision before it ends, and applies it as urgent; the public label page shows the
 * triaged security information. The SBOM and the fixture feeds are stored 60 days in the past, so the
 * policy's 30 days have passed. Every page is checked by axe-core and photographed.
 */
class SurveillanceBrowserTest extends BrowserTestSupport {

    @AfterEach
    void realTime() {
        context.getBean(TestClock.class).reset();
    }

    @Test
    void surveillanceInEnglish() throws Exception {
        walk("en", "choose why the product is not affected", "Not affected", "Security information", "Known to be exploited (CISA KEV)",
                "The hearing is open", "Suspended");
    }

    @Test
    void surveillanceInJapanese() throws Exception {
        walk("ja", "影響がない理由を選んでください", "影響なし", "セキュリティ情報", "悪用が確認済み（CISA KEV）", "弁明期間を開始", "一時停止");
    }

    private void walk(String lang, String justificationErrorText, String notAffectedText, String securityTitle,
                      String kevText, String hearingNotice, String suspendedText) throws Exception {
        TestClock clock = context.getBean(TestClock.class);
        clock.setToday(TestClock.realToday().minusDays(60));
        Camera camera = camera(lang);
        clock.reset();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select f.advisory_id || ' ' || f.first_seen from component_finding f join sbom_component c"
                        + " on c.component_key = f.component_key join sbom s on s.id = c.sbom_id where s.product_id = ?")
                .param(camera.product()).query(String.class).list())
                .as("the findings of the camera, first seen 60 days ago").hasSize(2)
                .allSatisfy(f -> assertThat(f).contains(TestClock.realToday().minusDays(60).toString()));

        // --- The vendor triages on the findings page.
        BrowserSession v = browser(lang).signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorA), PASSWORD);
        v.go("/vendor/products/" + camera.product());
        v.submit(v.find(By.cssSelector("a[href$='/versions/" + camera.version() + "/findings']")));
        assertThat(v.mainText()).contains("CVE-2023-5678", "CVE-2022-48174", "openssl", "busybox");
        v.look("vendor-findings");
        String opensslForm = "section.finding:has(input[name=vulnerability][value='CVE-2023-5678'])";
        new Select(v.find(By.cssSelector(opensslForm + " select[name=status]"))).selectByValue("NOT_AFFECTED");
        v.submit(v.find(By.cssSelector(opensslForm + " button[type=submit]")));
        assertThat(v.find(By.id("triage-error")).getText()).contains(justificationErrorText);
        v.look("vendor-findings-errors");
        new Select(v.find(By.cssSelector(opensslForm + " select[name=status]"))).selectByValue("NOT_AFFECTED");
        new Select(v.find(By.cssSelector(opensslForm + " select[name=justification]"))).selectByValue("code_not_reachable");
        v.submit(v.find(By.cssSelector(opensslForm + " button[type=submit]")));
        assertThat(v.path()).endsWith("/findings?done=saved");
        String busyboxForm = "section.finding:has(input[name=vulnerability][value='CVE-2022-48174'])";
        new Select(v.find(By.cssSelector(busyboxForm + " select[name=status]"))).selectByValue("AFFECTED");
        v.find(By.cssSelector(busyboxForm + " textarea[name=actionStatement]"))
                .sendKeys("Update the firmware to 2.1.0; until then turn off the telnet shell.");
        v.find(By.cssSelector(busyboxForm + " input[name=fixedIn]")).sendKeys("2.1.0");
        v.submit(v.find(By.cssSelector(busyboxForm + " button[type=submit]")));
        assertThat(v.mainText()).contains(notAffectedText);
        v.look("vendor-findings-triaged");

        // --- The policy proposes; the operator hears the vendor and decides.
        context.getBean(ProposalService.class).evaluate();
        UUID proposal = jdbc.sql("select id from surveillance_proposal where label_id = ?")
                .param(camera.label().id()).query(UUID.class).single();
        BrowserSession o = browser(lang).signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        o.go("/operator/surveillance");
        assertThat(o.mainText()).contains(camera.label().labelId(), "CVE-2022-48174");
        o.look("operator-surveillance");
        o.submit(o.find(By.cssSelector("a[href='/operator/surveillance/" + proposal + "']")));
        assertThat(o.mainText()).contains(camera.firmware().busyboxPurl(), "2024-05-20");
        o.look("operator-proposal");
        o.submit(o.find(By.cssSelector("form[action$='/hearing'] button[type=submit]")));
        assertThat(o.mainText()).contains(hearingNotice);
        o.find(By.id("outcome-apply")).click();
        o.type("note", "No fixed firmware during the hearing.");
        o.submit(o.find(By.cssSelector("form[action$='/decision'] button[type=submit]")));
        assertThat(o.find(By.id("outcome-error")).isDisplayed()).isTrue();
        assertThat(o.find(By.id("note")).getAttribute("value")).isEqualTo("No fixed firmware during the hearing.");
        o.look("operator-proposal-errors");
        o.find(By.id("outcome-apply")).click();
        o.find(By.id("urgent")).click();
        o.submit(o.find(By.cssSelector("form[action$='/decision'] button[type=submit]")));
        assertThat(o.path()).endsWith("?done=apply");
        o.look("operator-proposal-decided");

        // --- Anyone scanning the label sees the status and the triaged security information.
        BrowserSession p = browser(lang).go("/l/" + camera.label().labelId());
        assertThat(p.mainText()).contains(suspendedText, securityTitle, kevText, "CVE-2023-5678", "2.1.0");
        p.lookInBothLanguages("label-security");
    }

    private record Camera(UUID product, UUID version, LabelView label, CameraFirmware firmware) {
    }

    /** A vendor A camera (2.0.0 labelled, 2.1.0 the update) with the SBOM and the fixture feeds imported. */
    private Camera camera(String lang) throws Exception {
        ProductService products = context.getBean(ProductService.class);
        Actor vendor = new Actor(world.user(io.iotseal.server.Who.VENDOR_ADMIN), "browser-vendor",
                List.of(new Membership(world.vendorA, Role.VENDOR_ADMIN)));
        String name = "Browser Camera " + lang + " " + UUID.randomUUID().toString().substring(0, 6);
        UUID product = products.create(operatorAdmin(), World.product(world.vendorA, name, false, LocalDate.of(2031, 12, 31))).id();
        UUID v200 = products.addVersion(operatorAdmin(), product, new VersionInput("2.0.0", null, null)).id();
        products.addVersion(operatorAdmin(), product, new VersionInput("2.1.0", null, null));
        var accepted = new AssessmentFixtures(context, world).accepted("de-bsi-label:label", product, "2.0.0");
        // The feeds first, then the SBOM, matched in this thread on this context's clock (a queued re-match may
        // run on another test context's scheduler).
        FeedUploads feeds = context.getBean(FeedUploads.class);
        for (String[] feed : new String[][]{{"osv", "osv/DEBIAN-CVE-2023-5678.json"}, {"nvd", "nvd/cves-page-1.json"},
                {"kev", "kev/known_exploited_vulnerabilities.json"}}) {
            byte[] content = resource("/advisory/feeds/" + feed[1]);
            feeds.upload(operatorAdmin(), feed[0], feed[1], content.length, new ByteArrayInputStream(content));
            awaitRematches();
        }
        CameraFirmware firmware = CameraFirmware.next();
        byte[] sbom = firmware.sbom();
        context.getBean(SbomService.class).upload(vendor, product, v200, "application/vnd.cyclonedx+json", sbom.length,
                new ByteArrayInputStream(sbom));
        return new Camera(product, v200, context.getBean(LabelLookup.class).forAssessment(accepted.id()), firmware);
    }

    private void awaitRematches() throws InterruptedException {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("select count(*) from advisory_import where rematched_at is null").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a feed import's re-match did not run within 20 s");
            }
            Thread.sleep(100);
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SurveillanceBrowserTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
