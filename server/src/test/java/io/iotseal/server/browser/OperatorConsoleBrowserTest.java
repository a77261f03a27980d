package io.iotseal.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.server.AssessmentFixtures;
import io.iotseal.server.Who;
import io.iotseal.server.access.Role;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator and lab consoles in a real Chromium (issue 14 items 4, 5 and 8; ADR 0086), each page checked by
 * axe-core and photographed in Japanese and English: the operator suspends a label (after a stale form is
 * refused) and the public label page shows it; a third-party assessment goes through a lab (assignment, the
 * test-case grid, the report, submission, acceptance); a ★1 declaration gets a request for changes on one
 * requirement and is accepted after the vendor's answer. The vendor's side is done through the REST API.
 */
class OperatorConsoleBrowserTest extends BrowserTestSupport {

    @Test
    void operatorSuspendsALabelAndThePublicPageShowsItWithTheReason() {
        AssessmentView accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        LabelView label = context.getBean(LabelLookup.class).forAssessment(accepted.id());
        BrowserSession b = browser("en").signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        b.go("/operator/labels");
        b.lookInBothLanguages("operator-labels");
        b.find(By.id("id")).sendKeys(label.labelId());
        b.submit(b.find(By.cssSelector("form.search button")));
        assertThat(b.path()).startsWith("/operator/labels/" + label.labelId());
        assertThat(b.find(By.id("label-status")).getText()).isEqualTo("Valid");
        b.lookInBothLanguages("operator-label");

        // A reason is required to suspend: the error stands next to the field, nothing is saved.
        b.find(By.id("status-suspend")).click();
        b.submit(b.find(By.cssSelector("form[action$='/status'] button[type=submit]")));
        assertThat(b.find(By.id("reason-error")).getText()).contains("Give the reason");
        assertThat(b.find(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
        b.checkAccessibility();
        b.screenshot("operator-label-error");

        // Someone else suspends the label meanwhile (through the API): this form is stale and says so.
        ConsoleApi operatorApi = api(Who.OPERATOR_ADMIN);
        JsonNode current = operatorApi.get("/api/v1/labels/" + label.id());
        operatorApi.send("POST", "/api/v1/labels/" + label.id() + "/status",
                Map.of("action", "suspend", "reason", "Checked by a colleague"), current.get("version").asLong(), 200);
        b.find(By.id("status-suspend")).click();
        b.find(By.id("reason")).sendKeys("Overheating battery reported");
        b.submit(b.find(By.cssSelector("form[action$='/status'] button[type=submit]")));
        assertThat(b.find(By.id("stale")).getText()).contains("Someone else changed this label");
        assertThat(b.find(By.id("label-status")).getText()).isEqualTo("Suspended");
        assertThat(b.find(By.id("label-reason")).getText()).isEqualTo("Checked by a colleague");
        b.checkAccessibility();
        b.screenshot("operator-label-stale");

        // Reinstate, then suspend with this operator's reason.
        b.go("/operator/labels/" + label.id());
        b.find(By.id("status-reinstate")).click();
        b.submit(b.find(By.cssSelector("form[action$='/status'] button[type=submit]")));
        assertThat(b.find(By.id("label-status")).getText()).isEqualTo("Valid");
        b.find(By.id("status-suspend")).click();
        b.find(By.id("reason")).sendKeys("Overheating battery reported; under investigation");
        b.submit(b.find(By.cssSelector("form[action$='/status'] button[type=submit]")));
        assertThat(b.mainText()).contains("The label was suspended.");
        assertThat(b.find(By.id("label-reason")).getText()).isEqualTo("Overheating battery reported; under investigation");
        b.lookInBothLanguages("operator-label-suspended");

        BrowserSession visitor = browser("ja").go("/l/" + label.labelId());
        assertThat(visitor.mainText()).contains("一時停止", "Overheating battery reported; under investigation");
        visitor.checkAccessibility();
        visitor.screenshot("label-suspended-by-operator");
        visitor.switchLanguage("en");
        assertThat(visitor.mainText()).contains("Suspended", "Overheating battery reported; under investigation");
        visitor.checkAccessibility();
        visitor.screenshot("label-suspended-by-operator");
    }

    @Test
    void aThirdPartyAssessmentGoesThroughTheLabInTheConsoles() throws IOException {
        ConsoleApi vendor = api(Who.VENDOR_ADMIN);
        JsonNode created = vendor.send("POST", "/api/v1/assessments", Map.of("productId", world.productA.toString(),
                "productVersion", world.productAVersion, "target", "sg-cls:level-3"), null, 201);
        String id = created.get("id").asText();
        String productName = created.get("productName").asText();

        // The operator finds it waiting for a lab and assigns the world's accredited lab (in Japanese).
        BrowserSession operator = browser("ja").signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        operator.go("/operator?state=draft");
        assertThat(operator.mainText()).contains("試験機関の割り当て待ち");
        operator.lookInBothLanguages("operator-queue-draft");
        operator.submit(operator.find(By.cssSelector("a[href='/operator/assessments/" + id + "']")));
        operator.lookInBothLanguages("operator-review-third-party");
        operator.find(By.id("action-assign-lab")).click();
        new Select(operator.find(By.id("labId"))).selectByValue(world.lab.toString());
        operator.submit(operator.find(By.cssSelector("fieldset.decision button[type=submit]")));
        assertThat(operator.find(By.id("state")).getText()).isEqualTo("試験機関割り当て済み");

        // The lab sees it among its assignments, and nothing that is not assigned to it.
        BrowserSession lab = browser("en").signIn(userWithRole(Role.LAB_EVALUATOR, world.lab), PASSWORD);
        lab.go("/lab");
        assertThat(lab.mainText()).contains(productName);
        lab.lookInBothLanguages("lab-list");
        JsonNode other = vendor.send("POST", "/api/v1/assessments", Map.of("productId", world.productA.toString(),
                "productVersion", world.productAVersion, "target", "jc-star:star-1"), null, 201);
        lab.go("/lab/assessments/" + other.get("id").asText());
        assertThat(lab.title()).contains("404");
        lab.go("/lab/assessments/" + id);
        lab.lookInBothLanguages("lab-assigned");
        lab.submit(lab.find(By.cssSelector("form.transition button[type=submit]")));
        assertThat(lab.find(By.id("state")).getText()).isEqualTo("In evaluation");

        // The grid: a verdict for every requirement, then a functional test case for the first.
        List<WebElement> verdicts = lab.findAll(By.cssSelector("select[form=verdicts]"));
        assertThat(verdicts).isNotEmpty();
        for (WebElement select : verdicts) {
            new Select(select).selectByValue("pass");
        }
        lab.submit(lab.find(By.cssSelector("button[form=verdicts]")));
        assertThat(lab.mainText()).contains("The verdicts were saved.");
        lab.find(By.cssSelector("section.requirement details summary")).click();
        lab.find(By.id("testId-0")).sendKeys("TC-1-F");
        new Select(lab.find(By.id("kind-0"))).selectByValue("functional");
        new Select(lab.find(By.id("verdict-0"))).selectByValue("pass");
        lab.find(By.id("description-0")).sendKeys("Default password check on the device");
        lab.find(By.id("result-0")).sendKeys("Unique password per device observed");
        lab.submit(lab.find(By.cssSelector("form.testcase button[type=submit]")));
        assertThat(lab.mainText()).contains("The test case was recorded.", "TC-1-F", "Unique password per device observed");
        lab.lookInBothLanguages("lab-grid");

        // Submitting without a report is refused on the page; then the report, then the submission.
        lab.submit(lab.find(By.xpath("//form[contains(@class,'transition')]//button[contains(., 'Submit the results')]")));
        assertThat(lab.find(By.id("form-error")).getText()).contains("lab-report");
        lab.checkAccessibility();
        lab.screenshot("lab-submit-refused");
        Path report = Files.createTempFile("lab-report-", ".pdf");
        Files.writeString(report, "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", StandardCharsets.US_ASCII);
        lab.go("/lab/assessments/" + id);
        lab.find(By.id("report")).sendKeys(report.toAbsolutePath().toString());
        lab.submit(lab.find(By.cssSelector("form[action$='/report'] button[type=submit]")));
        assertThat(lab.mainText()).contains("The lab report was attached.", report.getFileName().toString());
        lab.submit(lab.find(By.xpath("//form[contains(@class,'transition')]//button[contains(., 'Submit the results')]")));
        assertThat(lab.find(By.id("state")).getText()).isEqualTo("Lab submitted");
        lab.lookInBothLanguages("lab-submitted");
        Files.deleteIfExists(report);

        // The operator sees the lab's work and accepts.
        operator.go("/operator?state=lab-submitted");
        operator.submit(operator.find(By.cssSelector("a[href='/operator/assessments/" + id + "']")));
        assertThat(operator.mainText()).contains("TC-1-F", report.getFileName().toString());
        operator.lookInBothLanguages("operator-review-lab-submitted");
        operator.find(By.id("action-accept")).click();
        operator.submit(operator.find(By.cssSelector("fieldset.decision button[type=submit]")));
        assertThat(operator.find(By.id("state")).getText()).isEqualTo("承認済み");
        assertThat(operator.mainText()).contains("適合性評価を承認しました。");
        operator.lookInBothLanguages("operator-review-accepted");
    }

    @Test
    void operatorRequestsAChangeOnOneRequirementThenAcceptsTheAnswer() {
        ConsoleApi vendor = api(Who.VENDOR_ADMIN);
        JsonNode a = vendor.send("POST", "/api/v1/assessments", Map.of("productId", world.productA.toString(),
                "productVersion", world.productAVersion, "target", "jc-star:star-1"), null, 201);
        String id = a.get("id").asText();
        List<Map<String, Object>> answers = new ArrayList<>();
        a.get("requirements").forEach(r -> answers.add(Map.of("requirement", r.get("requirement").asText(),
                "verdict", "pass", "justification", "Checked on the device")));
        a = vendor.send("PUT", "/api/v1/assessments/" + id + "/answers", Map.of("answers", answers), a.get("version").asLong(), 200);
        a = vendor.send("POST", "/api/v1/assessments/" + id + "/transitions", Map.of("action", "submit"),
                a.get("version").asLong(), 200);
        String first = a.get("requirements").get(0).get("requirement").asText();

        BrowserSession b = browser("en").signIn(userWithRole(Role.OPERATOR_REVIEWER, world.operator), PASSWORD);
        b.go("/operator");
        assertThat(b.find(By.cssSelector("nav.tabs a[aria-current=page]")).getText()).startsWith("Submitted");
        b.lookInBothLanguages("operator-queue");
        b.submit(b.find(By.cssSelector("a[href='/operator/assessments/" + id + "']")));
        assertThat(b.mainText()).contains("Checked on the device", first);
        b.lookInBothLanguages("operator-review");

        // Asking for changes needs a comment: the page says so and keeps the comment typed on the requirement.
        b.find(By.id("note-0")).sendKeys("Name the update mechanism and how updates are signed.");
        b.find(By.id("action-request-changes")).click();
        b.submit(b.find(By.cssSelector("fieldset.decision button[type=submit]")));
        assertThat(b.find(By.id("comment-error")).getText()).contains("a comment is required to request changes");
        assertThat(b.find(By.id("note-0")).getAttribute("value")).isEqualTo("Name the update mechanism and how updates are signed.");
        b.checkAccessibility();
        b.screenshot("operator-review-error");
        b.find(By.id("action-request-changes")).click();
        b.find(By.id("comment")).sendKeys("One requirement needs more detail.");
        b.submit(b.find(By.cssSelector("fieldset.decision button[type=submit]")));
        assertThat(b.mainText()).contains("Changes were requested.");
        assertThat(b.find(By.id("state")).getText()).isEqualTo("Changes requested");

        // The vendor reads the request per requirement through the API, answers it and submits again.
        a = vendor.get("/api/v1/assessments/" + id);
        JsonNode request = a.get("transitions").get(a.get("transitions").size() - 1);
        assertThat(request.get("comment").asText()).isEqualTo("One requirement needs more detail.");
        assertThat(request.get("requirementComments").get(first).asText())
                .isEqualTo("Name the update mechanism and how updates are signed.");
        a = vendor.send("PUT", "/api/v1/assessments/" + id + "/answers", Map.of("answers", List.of(Map.of(
                "requirement", first, "verdict", "pass", "justification", "Signed updates over HTTPS (Ed25519), checked at boot"))),
                a.get("version").asLong(), 200);
        vendor.send("POST", "/api/v1/assessments/" + id + "/transitions", Map.of("action", "submit"),
                a.get("version").asLong(), 200);

        b.switchLanguage("ja");
        b.go("/operator/assessments/" + id);
        assertThat(b.mainText()).contains("修正依頼:", "Name the update mechanism", "Signed updates over HTTPS (Ed25519)");
        b.lookInBothLanguages("operator-review-resubmitted");
        b.find(By.id("action-accept")).click();
        b.submit(b.find(By.cssSelector("fieldset.decision button[type=submit]")));
        assertThat(b.find(By.id("state")).getText()).isEqualTo("承認済み");
        b.lookInBothLanguages("operator-review-accepted-star1");
    }

    @Test
    void theOperatorsOtherPagesAndTheirRoleWall() {
        BrowserSession b = browser("ja").signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        for (String page : List.of("/operator/requirement-changes", "/operator/organizations", "/operator/users",
                "/operator/keys", "/operator/audit")) {
            b.go(page);
            assertThat(b.title()).doesNotContain("404", "403", "500");
            b.lookInBothLanguages("operator" + page.substring("/operator".length()).replace('/', '-'));
        }
        b.go("/operator/audit");
        assertThat(b.find(By.id("chain")).getText()).contains("ハッシュチェーンを検証しました");

        // A password reset shows the one-time password once; its user signs in with it and must choose their own.
        String user = userWithRole(Role.VENDOR_MEMBER, world.vendorA);
        b.go("/operator/users");
        b.submit(b.find(By.cssSelector("button[aria-label='" + user + " のパスワードをリセット']")));
        String oneTime = b.find(By.id("otp")).getAttribute("value");
        assertThat(oneTime).hasSizeGreaterThan(11);
        b.checkAccessibility();
        b.screenshot("operator-users-reset");
        BrowserSession member = browser("en").signIn(user, oneTime);
        assertThat(member.path()).startsWith("/account/password");

        BrowserSession vendor = browser("en").signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorA), PASSWORD);
        vendor.go("/operator");
        assertThat(vendor.title()).contains("403");
        vendor.go("/lab");
        assertThat(vendor.title()).contains("403");
        vendor.checkAccessibility();
    }

    private ConsoleApi api(Who who) {
        return new ConsoleApi(context.getBean(ObjectMapper.class), baseUrl(), world.token(who));
    }
}
