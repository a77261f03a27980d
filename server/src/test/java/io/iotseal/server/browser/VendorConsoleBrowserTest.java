package io.iotseal.server.browser;

import io.iotseal.server.Who;
import io.iotseal.server.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendor console in a real Chromium (issue 14, ADR 0085): the ★1 self-declaration flow in English and in
 * Japanese (register a product with errors first, add a version, start a ★1 assessment, answer one
 * requirement with htmx, attach a PNG, meet the completeness problems, answer the rest without htmx,
 * submit; the operator asks for a change through the REST API; the vendor sees it on that requirement,
 * answers and submits again), a stale product form, and another vendor's product answering 404.
 * Every page is checked by axe-core and photographed in the language of the run.
 */
class VendorConsoleBrowserTest extends BrowserTestSupport {

    @Test
    void selfDeclarationInEnglish() throws Exception {
        selfDeclaration("en", "The scheme operator asked for a change here", "Nothing blocks submission.");
    }

    @Test
    void selfDeclarationInJapanese() throws Exception {
        selfDeclaration("ja", "制度運営者からこの要件について修正の依頼があります", "提出を妨げる問題はありません。");
    }

    private void selfDeclaration(String lang, String requestedChangeText, String noProblemsText) throws Exception {
        String user = userWithRole(Role.VENDOR_ADMIN, world.vendorA);
        BrowserSession b = browser(lang).signIn(user, PASSWORD);
        b.go("/vendor");
        b.look("vendor-console");

        // A product: first without a name (the error next to the field, what was typed kept), then complete.
        b.go("/vendor/products/new");
        b.look("vendor-product-new");
        b.type("modelNumbers", "BC-100\nBC-100W");
        b.submit(b.find(By.cssSelector("form[action='/vendor/products'] button[type=submit]")));
        assertThat(b.find(By.id("nameEn-error")).isDisplayed()).isTrue();
        assertThat(b.find(By.id("nameEn")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.find(By.id("modelNumbers")).getAttribute("value")).isEqualTo("BC-100\nBC-100W");
        b.look("vendor-product-errors");
        String name = "Browser Cam " + lang + " " + UUID.randomUUID().toString().substring(0, 6);
        b.type("nameEn", name);
        new Select(b.find(By.id("category"))).selectByValue("CAMERA");
        b.setValue("supportEndDate", "2031-03-31");
        b.type("vulnerabilityDisclosureUrl", "https://vendor-a.example/security");
        b.type("vulnerabilityContact", "security@vendor-a.example");
        b.submit(b.find(By.cssSelector("form[action='/vendor/products'] button[type=submit]")));
        assertThat(b.path()).matches("/vendor/products/[0-9a-f-]{36}\\?created");
        String productPath = b.path().replace("?created", "");
        b.look("vendor-product");

        b.type("version", "1.0.0");
        b.type("gtin", "4901234567894");
        b.submit(b.find(By.cssSelector("form[action$='/versions'] button[type=submit]")));
        assertThat(b.path()).isEqualTo(productPath + "?versionAdded");
        assertThat(b.mainText()).contains("1.0.0", "04901234567894");
        b.go("/vendor/products");
        assertThat(b.mainText()).contains(name);
        b.look("vendor-products");

        // A ★1 assessment: step one (GET) picks product and level, step two starts it.
        b.go(productPath);
        b.submit(b.find(By.cssSelector("a[href^='/vendor/assessments/new']")));
        assertThat(new Select(b.find(By.id("target"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("jc-star:star-1");
        b.look("vendor-assessment-new");
        b.submit(b.find(By.cssSelector("form[method=get] button[type=submit]")));
        b.submit(b.find(By.cssSelector("form[action='/vendor/assessments'] button[type=submit]")));
        assertThat(b.path()).matches("/vendor/assessments/[0-9a-f-]{36}\\?started");
        String checklist = b.path().replace("?started", "");
        UUID assessmentId = UUID.fromString(checklist.substring(checklist.lastIndexOf('/') + 1));
        List<WebElement> sections = b.findAll(By.cssSelector("section.requirement"));
        assertThat(sections).hasSizeGreaterThan(3);
        assertThat(b.find(By.id("req-0-problems")).isDisplayed()).isTrue();
        b.look("vendor-checklist");

        // One requirement saved with htmx: only its section is replaced, the problems list follows.
        String problemsBefore = b.find(By.id("problems")).getText();
        new Select(b.find(By.id("req-0-verdict"))).selectByValue("PASS");
        b.type("req-0-justification", "Every network service asks for a password first.");
        b.submit(b.find(By.cssSelector("#req-0 button[name=only]")));
        assertThat(b.path()).isEqualTo(checklist + "?started");    // no page load: htmx swapped the section
        assertThat(b.find(By.cssSelector("#req-0 .saved")).isDisplayed()).isTrue();
        assertThat(b.findAll(By.id("req-0-problems"))).isEmpty();
        assertThat(b.find(By.id("problems")).getText()).isNotEqualTo(problemsBefore);

        // Evidence for that requirement: a small PNG.
        b.find(By.id("req-0-file")).sendKeys(BrowserSession.smallPng().toString());
        clickAndWaitFor(b, b.find(By.cssSelector("#req-0 form.upload button[type=submit]")),
                checklist + "?uploaded#req-0");   // back at the requirement
        assertThat(b.find(By.id("req-0")).getText()).contains("evidence.png", "image/png");

        // Submitting now is refused: the problems are named next to their requirements.
        b.submit(b.find(By.cssSelector("button[formaction$='/submit']")));
        assertThat(b.find(By.id("submit-error")).isDisplayed()).isTrue();
        assertThat(b.find(By.id("req-1-problems")).isDisplayed()).isTrue();
        b.look("vendor-checklist-problems");

        // The rest answered and saved with the whole form (as without JavaScript), then submitted.
        int count = b.findAll(By.cssSelector("section.requirement")).size();
        for (int i = 1; i < count; i++) {
            new Select(b.find(By.id("req-" + i + "-verdict"))).selectByValue("PASS");
            b.type("req-" + i + "-justification", "Checked on the product, release 1.0.0.");
        }
        b.submit(b.find(By.cssSelector(".actions button:not([formaction])")));
        assertThat(b.path()).isEqualTo(checklist + "?saved");
        assertThat(b.find(By.id("problems")).getText()).contains(noProblemsText);
        b.submit(b.find(By.cssSelector("button[formaction$='/submit']")));
        assertThat(b.path()).isEqualTo(checklist + "?submitted");
        b.look("vendor-checklist-submitted");

        // The operator asks for a change on S1.1-02 through the REST API.
        String secondRef = b.find(By.cssSelector("#req-1 h3")).getText().split(" ")[0];
        operatorRequestsChanges(assessmentId, secondRef + ": say how each device gets its own default password.");
        b.go(checklist);
        assertThat(b.find(By.id("requested-changes")).getText()).contains("own default password");
        assertThat(b.find(By.id("req-1-change")).getText()).contains(requestedChangeText, "own default password");
        assertThat(b.findAll(By.id("req-2-change"))).isEmpty();
        b.look("vendor-checklist-changes");

        b.type("req-1-justification", "Each device gets a random password printed on its label at the factory.");
        b.submit(b.find(By.cssSelector("#req-1 button[name=only]")));
        assertThat(b.find(By.cssSelector("#req-1 .saved")).isDisplayed()).isTrue();
        clickAndWaitFor(b, b.find(By.cssSelector("button[formaction$='/submit']")), checklist + "?submitted");
        assertThat(b.findAll(By.id("requested-changes"))).isEmpty();
        b.go("/vendor/assessments");
        assertThat(b.mainText()).contains(name);
        b.look("vendor-assessments");
    }

    @Test
    void aStaleProductFormSaysSoAndKeepsWhatWasTyped() {
        String first = userWithRole(Role.VENDOR_ADMIN, world.vendorA);
        String second = userWithRole(Role.VENDOR_MEMBER, world.vendorA);
        BrowserSession a = browser("en").signIn(first, PASSWORD);
        a.go("/vendor/products/new");
        a.type("nameEn", "Stale Hub " + UUID.randomUUID().toString().substring(0, 6));
        a.type("modelNumbers", "SH-1");
        a.submit(a.find(By.cssSelector("form[action='/vendor/products'] button[type=submit]")));
        String productPath = a.path().replace("?created", "");

        BrowserSession b = browser("ja").signIn(second, PASSWORD).go(productPath);
        a.setValue("supportEndDate", "2030-06-30");
        a.submit(a.find(By.cssSelector("form[aria-labelledby=edit] button[type=submit]")));
        assertThat(a.path()).isEqualTo(productPath + "?saved");

        b.type("modelNumbers", "SH-1\nSH-1B");
        b.submit(b.find(By.cssSelector("form[aria-labelledby=edit] button[type=submit]")));
        assertThat(b.find(By.id("stale")).getText()).contains("他の人がこの製品を変更した", "2030-06-30");
        assertThat(b.find(By.id("modelNumbers")).getAttribute("value")).isEqualTo("SH-1\nSH-1B");
        b.look("vendor-product-stale");
        b.submit(b.find(By.cssSelector("form[aria-labelledby=edit] button[type=submit]")));   // now knowingly
        assertThat(b.path()).isEqualTo(productPath + "?saved");
        assertThat(b.find(By.id("modelNumbers")).getAttribute("value")).isEqualTo("SH-1\nSH-1B");
        // The second user saw the other's date and saved their own form over it, knowingly.
        assertThat(b.find(By.id("supportEndDate")).getAttribute("value")).isEmpty();
    }

    @Test
    void anotherVendorsProductAndAssessmentAreNotFound() {
        BrowserSession b = browser("en").signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorB), PASSWORD);
        b.go("/vendor/products/" + world.productA);
        assertThat(b.mainText()).contains("Error 404").doesNotContain("World Router A");
        b.go("/vendor/products/" + world.productB);   // vendor B's own
        assertThat(b.mainText()).doesNotContain("Error 404");
        b.go("/vendor/products");
        assertThat(b.mainText()).doesNotContain("World Router A");
        b.look("vendor-products-b");
        BrowserSession lab = browser("ja").signIn(userWithRole(Role.LAB_EVALUATOR, world.lab), PASSWORD).go("/vendor");
        assertThat(lab.mainText()).contains("エラー 403");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /**
     * Clicks and waits for the page at {@code path}. After an htmx swap, Chromium may answer the staleness
     * check {@link BrowserSession#submit} makes with "node does not belong to the document" while it navigates.
     */
    private static void clickAndWaitFor(BrowserSession b, WebElement button, String path) {
        button.click();
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(d -> path.equals(b.path()));
    }

    /** The operator's admin asks for changes through the REST API, as the operator console would. */
    private void operatorRequestsChanges(UUID assessment, String comment) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = "Bearer " + world.token(Who.OPERATOR_ADMIN);
        URI uri = URI.create(baseUrl() + "/api/v1/assessments/" + assessment);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri).header("Authorization", token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                java.util.Map.of("action", "request-changes", "comment", comment));
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create(uri + "/transitions"))
                .header("Authorization", token).header("If-Match", etag).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
}
