package io.iotseal.server.browser;

import io.iotseal.csaf.CsafAdvisory;
import io.iotseal.csaf.CsafExamples;
import io.iotseal.server.access.Actor;
import io.iotseal.server.csaf.CsafPublication;
import io.iotseal.server.csaf.CsafPublisher;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSAF directory listings (requirement 14, ADR 0098) in a real browser, in both languages, checked by axe-core. */
class CsafDirectoryBrowserTest extends BrowserTestSupport {

    @Test
    void theListingsLinkTheFilesAndPassTheAccessibilityCheck() {
        CsafPublisher publisher = context.getBean(CsafPublisher.class);
        CsafAdvisory a = CsafExamples.vex("IOTSEAL-BROWSER-" + UUID.randomUUID().toString().substring(0, 8));
        CsafPublication published = publisher.publish(new CsafAdvisory(a.profile(), publisher.publisher(),
                a.trackingId(), a.title(), a.language(), a.summary(), a.initialReleaseDate(), a.currentReleaseDate(),
                a.revisions(), a.products(), a.vulnerabilities(), a.references()), Actor.SYSTEM);
        String file = published.path().substring(5);

        for (String lang : List.of("ja", "en")) {
            BrowserSession b = browser(lang);
            b.go("/.well-known/csaf/white/");
            assertThat(b.findAll(By.cssSelector("main a")).stream().map(e -> e.getAttribute("href")).toList())
                    .anySatisfy(href -> assertThat(href).endsWith("/.well-known/csaf/white/index.txt"))
                    .anySatisfy(href -> assertThat(href).endsWith("/.well-known/csaf/white/2026/"));
            b.checkAccessibility();
            b.screenshot("csaf-directory");
            b.go("/.well-known/csaf/white/2026/");
            assertThat(b.mainText()).contains(file, file + ".asc", file + ".sha512");
            b.checkAccessibility();
            b.screenshot("csaf-directory-year");
        }
    }
}
