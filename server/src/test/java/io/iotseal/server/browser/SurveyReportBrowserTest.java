package io.iotseal.server.browser;

import io.iotseal.server.SurveyFixtures;
import io.iotseal.server.access.Role;
import io.iotseal.server.survey.owner.AddressOwnerService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static io.iotseal.server.SurveyFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's survey report in a real Chromium (issue 18 items 4 and 5, ADR 0106), in English and in Japanese:
 * from the operator's surveillance page to the reports, one campaign's counts with the trend against the campaign
 * before, findings by check and by model, and the owners of failing devices with links to their own findings;
 * the JSON link opens with the console's session. Every page is checked by axe-core and photographed.
 */
class SurveyReportBrowserTest extends BrowserTestSupport {

    @Test
    void reportInEnglish() {
        walk("en", new Texts("Survey reports", "Survey report: ", "Compared with the earlier campaign", "Devices with a failing check",
                "Unknown owner", "ISP One, Inc. (isp-one)", "No labelled model matched"));
    }

    @Test
    void reportInJapanese() {
        walk("ja", new Texts("調査レポート", "調査レポート：", "前回のキャンペーン", "不合格の検査がある機器",
                "管理者不明", "ISP One, Inc. (isp-one)", "一致するラベル取得済み機種なし"));
    }

    private record Texts(String list, String title, String against, String failing, String unknown, String owner,
                         String unmatched) {
    }

    private void walk(String lang, Texts t) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String csv = "prefix,owner,name,contact\r\n198.51.100.0/24,isp-one,\"ISP One, Inc.\",abuse@isp-one.example\r\n"
                + "198.51.100.64/26,corp-two,Corp Two 株式会社,\r\n";
        byte[] table = csv.getBytes(StandardCharsets.UTF_8);
        context.getBean(AddressOwnerService.class).importFile(operatorAdmin(), "csv", "owners-" + lang + ".csv",
                table.length, new ByteArrayInputStream(table));
        SurveyFixtures s = new SurveyFixtures(jdbc);
        OffsetDateTime at = OffsetDateTime.parse("2002-01-01T00:00:00Z").plusMinutes((long) (Math.random() * 1_000_000));
        String before = SurveyFixtures.id("browser-nov");
        String after = SurveyFixtures.id("browser-dec");
        s.campaign(before, "November weak credentials survey " + lang, List.of("198.51.100.0/24"), 256, at);
        s.campaign(after, "December weak credentials survey " + lang, List.of("198.51.100.0/24", "203.0.113.0/24"), 512,
                at.plusSeconds(1));
        String creds = "etsi-en-303-645:5.1-1";
        for (int i = 1; i <= 4; i++) {
            s.device(before, "198.51.100." + i, world.productA, List.of(finding("default-credentials", 80, "http", "FAIL",
                    "logged in with a default credential (admin/[redacted])", creds)));
        }
        s.device(after, "198.51.100.1", world.productA, List.of(
                finding("default-credentials", 80, "http", "FAIL", "logged in with a default credential (admin/[redacted])", creds),
                finding("information-disclosure", 80, "http", "PASS", "no version disclosed", "etsi-en-303-645:5.6-1")));
        s.device(after, "198.51.100.2", world.productA, List.of(
                finding("default-credentials", 80, "http", "PASS", "no default credential accepted", creds)));
        s.device(after, "198.51.100.70", null, List.of(
                finding("default-credentials", 23, "telnet", "FAIL", "logged in with a default credential (root/[redacted])", creds),
                finding("plaintext-management", 23, "telnet", "FAIL", "management over Telnet, in clear text",
                        "etsi-en-303-645:5.5-1")));
        s.device(after, "203.0.113.9", null, List.of(finding("default-credentials", 8080, "http", "INCONCLUSIVE",
                "the login form did not answer", creds)));
        s.device(after, "203.0.113.10", null, List.of(finding("default-credentials", 8080, "http", "FAIL",
                "logged in with a default credential (admin/[redacted])", creds)));
        s.unreached(after, "203.0.113.11");
        s.optedOut(after, "203.0.113.12");

        BrowserSession o = browser(lang).signIn(userWithRole(Role.OPERATOR_REVIEWER, world.operator), PASSWORD);
        o.go("/operator/surveillance");
        o.submit(o.find(By.id("survey-reports-link")));
        assertThat(o.path()).isEqualTo("/operator/survey-reports");
        assertThat(o.find(By.tagName("h1")).getText()).isEqualTo(t.list());
        assertThat(o.find(By.id("owner-table")).getText()).contains("owners-" + lang + ".csv");
        o.look("survey-report-list");

        o.submit(o.find(By.cssSelector("a[href='/operator/survey-reports/" + after + "']")));
        assertThat(o.find(By.tagName("h1")).getText()).startsWith(t.title()).contains("December");
        assertThat(o.find(By.id("against")).getText()).contains(t.against(), before);
        String main = o.mainText();
        assertThat(main).contains(t.failing(), t.unknown(), t.owner(), t.unmatched(), "default-credentials",
                "plaintext-management");
        // The failing devices row: 3 now (.1, .70, 203.0.113.10), 4 before, -1.
        WebElement failing = o.findAll(By.cssSelector("table.list tbody tr")).stream()
                .filter(r -> r.getText().startsWith(t.failing())).findFirst().orElseThrow();
        assertThat(failing.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .containsExactly("3", "4", "-1");
        List<String> downloads = o.findAll(By.cssSelector("#owners ~ table a")).stream()
                .map(a -> a.getAttribute("href").substring(baseUrl().length())).toList();
        assertThat(downloads).contains("/api/v1/surveys/" + after + "/owners/isp-one/findings.csv",
                "/api/v1/surveys/" + after + "/owners/isp-one/findings", "/api/v1/surveys/" + after + "/owners/-/findings.csv");
        o.look("survey-report-campaign");

        // The JSON link opens with the console's session and holds the owner's findings only.
        o.go("/api/v1/surveys/" + after + "/owners/corp-two/findings");
        String json = o.driver().findElement(By.tagName("body")).getText();
        assertThat(json).contains("198.51.100.70", "plaintext-management").doesNotContain("198.51.100.1\"");
    }
}
