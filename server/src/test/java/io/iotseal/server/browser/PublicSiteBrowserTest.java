package io.iotseal.server.browser;

import io.iotseal.server.AssessmentFixtures;
import io.iotseal.server.World;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.AccountService;
import io.iotseal.server.account.TokenInput;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public site in a real Chromium, in Japanese and English (issue 14 item 2, ADR 0084): a consumer searches
 * the registry, narrows it with facets (htmx swaps only the results and keeps the address in step), opens a
 * product and its label, checks a label by its QR text and by a photo, and sees a label the operator suspended
 * (through the REST API) as suspended, with the reason. Every page is checked by axe-core, photographed in
 * both languages and kept under 150 KB with its style sheets and scripts.
 */
class PublicSiteBrowserTest extends BrowserTestSupport {

    private static final int MAX_PAGE_BYTES = 150 * 1024;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A published vendor A product with an accepted ★1 declaration, hence a label. */
    private record Labelled(UUID product, String name, String model, String labelId, UUID labelUuid, String qrText) {
    }

    private Labelled labelled() {
        String name = "Public Site Cam " + UUID.randomUUID().toString().substring(0, 8);
        ProductService products = context.getBean(ProductService.class);
        Actor operator = new Actor(UUID.randomUUID(), "public-site-test",
                List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        UUID product = products.create(operator, World.product(world.vendorA, name, true, LocalDate.of(2030, 12, 31))).id();
        products.addVersion(operator, product, new VersionInput("2.0.0", null, null, null));
        var accepted = new AssessmentFixtures(context, world).accepted("jc-star:star-1", product, "2.0.0");
        return context.getBean(JdbcClient.class).sql("select id, label_id, qr_text from label where assessment_id = ?")
                .param(accepted.id())
                .query((rs, n) -> new Labelled(product, name, name.replace(' ', '-').toUpperCase(), rs.getString(2),
                        rs.getObject(1, UUID.class), rs.getString(3)))
                .single();
    }

    @Test
    void aConsumerSearchesOpensAProductAndItsLabelAndChecksItByTextAndPhoto() throws Exception {
        Labelled cam = labelled();
        BrowserSession b = browser("ja");

        b.go("/");
        b.checkAccessibility();
        b.screenshot("public-home");
        b.find(By.id("q")).sendKeys(cam.model());
        b.submit(b.find(By.cssSelector("form.search button[type=submit]")));
        assertThat(b.path()).startsWith("/registry?q=" + cam.model());
        assertThat(b.mainText()).contains("1件のラベル", "型番 " + cam.model() + " の製品のラベルです。", cam.name());
        b.checkAccessibility();
        b.screenshot("registry-model-number");

        // Facets: htmx replaces only the results and pushes the address; the page itself is not reloaded.
        b.go("/registry");
        ((JavascriptExecutor) b.driver()).executeScript("window.notReloaded = true;");
        new Select(b.find(By.id("status"))).selectByValue("valid");
        waitFor(b, "status=valid");
        new Select(b.find(By.id("category"))).selectByValue("ROUTER");
        waitFor(b, "category=ROUTER");
        b.find(By.id("vendor")).sendKeys("Vendor A\t");
        waitFor(b, "vendor=Vendor");
        assertThat(((JavascriptExecutor) b.driver()).executeScript("return window.notReloaded === true")).isEqualTo(true);
        assertThat(new Select(b.find(By.id("status"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("valid");
        assertThat(b.find(By.id("results")).getText()).contains(cam.name());
        b.checkAccessibility();
        b.screenshot("registry-facets");

        // The same address without JavaScript's help is the same answer (the form is a plain GET).
        b.go("/registry?status=suspended&category=ROUTER&vendor=" + cam.name().replace(' ', '+'));
        assertThat(b.mainText()).contains("該当するラベルはありません");
        b.go("/registry?validUntilAfter=31-03-2027");
        assertThat(b.find(By.id("validUntilAfter-error")).getText()).contains("年-月-日");
        assertThat(b.find(By.id("validUntilAfter")).getAttribute("value")).isEmpty();   // a date input drops bad text
        b.checkAccessibility();
        b.screenshot("registry-bad-date");

        b.go("/registry?q=" + cam.model());
        b.find(By.linkText(cam.name() + "（日本語）")).click();
        assertThat(b.path()).isEqualTo("/products/" + cam.product());
        assertThat(b.mainText()).contains("Vendor A", cam.model(), "2.0.0", "2030-12-31", "https://example.com/vdp",
                "psirt@example.com", "有効");
        b.checkAccessibility();
        b.screenshot("product");

        WebElement labelLink = b.find(By.cssSelector("a[href='/l/" + cam.labelId() + "']"));
        labelLink.click();
        assertThat(b.path()).isEqualTo("/l/" + cam.labelId());
        assertThat(b.lang()).isEqualTo("ja");
        assertThat(b.mainText()).contains("有効", "このラベルが保証すること", "保証の限界", "脆弱性の報告先", "https://example.com/vdp");
        WebElement artwork = b.find(By.cssSelector("figure.artwork img"));
        assertThat(artwork.getAttribute("alt")).contains("QRコード");
        assertLoaded(b, artwork);
        b.checkAccessibility();
        b.screenshot("label-public");
        b.switchLanguage("en");
        assertThat(b.mainText()).contains("Valid", "What this label assures", "Limits of assurance", "Report a vulnerability");
        assertLoaded(b, b.find(By.cssSelector("figure.artwork img")));
        b.checkAccessibility();
        b.screenshot("label-public");

        // Check by the QR code's text, then by a photo of the printed label (its artwork, photographed).
        b.go("/check?lang=ja");
        b.find(By.id("qr")).sendKeys(cam.qrText());
        b.submit(b.find(By.cssSelector("form.check button[type=submit]")));
        assertThat(b.find(By.cssSelector("section.verdict")).getText()).contains("有効", cam.name(), "Vendor A");
        b.checkAccessibility();
        b.screenshot("check-text-valid");

        Path photo = photoOfLabel(cam);
        b.find(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        b.submit(b.find(By.cssSelector("form.check[enctype='multipart/form-data'] button[type=submit]")));
        assertThat(b.find(By.cssSelector("section.verdict")).getAttribute("class")).contains("valid");
        assertThat(b.find(By.cssSelector("section.verdict")).getText()).contains("有効", "ラベルのページを開く");
        b.checkAccessibility();
        b.screenshot("check-photo-valid");

        // Bad input: the error next to its field, what was typed kept.
        b.find(By.id("qr")).sendKeys("https://shop.example/item/123");
        b.submit(b.find(By.cssSelector("form.check button[type=submit]")));
        assertThat(b.find(By.id("qr-error")).getText()).contains("IoTSealのラベルのQRコードの文字列ではありません");
        assertThat(b.find(By.id("qr")).getAttribute("value")).isEqualTo("https://shop.example/item/123");
        assertThat(b.find(By.id("qr")).getAttribute("aria-invalid")).isEqualTo("true");
        b.checkAccessibility();
        b.screenshot("check-text-error");
        Path notAnImage = Files.createTempFile("not-an-image", ".png");
        Files.writeString(notAnImage, "this is text, not a picture");
        b.find(By.id("photo")).sendKeys(notAnImage.toAbsolutePath().toString());
        b.submit(b.find(By.cssSelector("form.check[enctype='multipart/form-data'] button[type=submit]")));
        assertThat(b.find(By.id("photo-error")).getText()).contains("画像ファイル");
        b.checkAccessibility();
        b.screenshot("check-photo-error");

        // Every public page in English too.
        BrowserSession en = browser("en");
        for (String[] page : new String[][]{{"/", "public-home"}, {"/registry?q=" + cam.model(), "registry-model-number"},
                {"/registry?status=valid&category=ROUTER", "registry-facets"}, {"/registry?validUntilAfter=31-03-2027",
                "registry-bad-date"}, {"/products/" + cam.product(), "product"}, {"/check", "check"}}) {
            en.go(page[0]);
            assertThat(en.lang()).isEqualTo("en");
            en.checkAccessibility();
            en.screenshot(page[1]);
        }
        en.go("/check");
        en.find(By.id("qr")).sendKeys(cam.qrText());
        en.submit(en.find(By.cssSelector("form.check button[type=submit]")));
        assertThat(en.find(By.cssSelector("section.verdict")).getText()).contains("Valid", "neither suspended nor revoked");
        en.checkAccessibility();
        en.screenshot("check-text-valid");
        en.find(By.id("photo")).sendKeys(notAnImage.toAbsolutePath().toString());
        en.submit(en.find(By.cssSelector("form.check[enctype='multipart/form-data'] button[type=submit]")));
        assertThat(en.find(By.id("photo-error")).getText()).isEqualTo(
                "This file is not a picture this site can read (PNG, JPEG, GIF or BMP).");
        en.checkAccessibility();
        en.screenshot("check-photo-error");
        assertThat(b.cookies()).doesNotContainKey("JSESSIONID");
        assertThat(en.cookies()).doesNotContainKey("JSESSIONID");
    }

    @Test
    void aLabelTheOperatorSuspendedThroughTheApiShowsAsSuspendedWithItsReason() throws Exception {
        Labelled cam = labelled();
        String token = operatorToken();
        HttpResponse<String> label = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/labels/" + cam.labelUuid()))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> suspended = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/labels/" + cam.labelUuid() + "/status"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("If-Match", label.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"action\":\"suspend\",\"reason\":\"Vulnerability under investigation\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);

        for (String lang : List.of("ja", "en")) {
            BrowserSession b = browser(lang);
            b.go("/l/" + cam.labelId());
            assertThat(b.find(By.cssSelector("p.status")).getText())
                    .contains("ja".equals(lang) ? "一時停止中" : "Suspended", "Vulnerability under investigation");
            b.checkAccessibility();
            b.screenshot("label-suspended");
            b.go("/registry?status=suspended&q=" + cam.model());
            assertThat(b.find(By.id("results")).getText()).contains(cam.name(), "ja".equals(lang) ? "一時停止中" : "Suspended");
            b.checkAccessibility();
            b.screenshot("registry-suspended");
            b.go("/check");
            b.find(By.id("qr")).sendKeys(cam.qrText());
            b.submit(b.find(By.cssSelector("form.check button[type=submit]")));
            WebElement verdict = b.find(By.cssSelector("section.verdict"));
            assertThat(verdict.getAttribute("class")).contains("suspended");
            assertThat(verdict.getText()).contains("ja".equals(lang) ? "制度運営者がこのラベルを一時停止しました"
                    : "The scheme operator has suspended this label", "Vulnerability under investigation");
            b.checkAccessibility();
            b.screenshot("check-suspended");
        }
    }

    @Test
    void everyPublicPageWithItsStyleSheetsAndScriptsStaysUnder150KB() throws Exception {
        Labelled cam = labelled();
        for (String path : List.of("/", "/registry", "/registry?status=valid", "/products/" + cam.product(),
                "/l/" + cam.labelId(), "/check")) {
            for (String lang : List.of("en", "ja")) {
                HttpResponse<byte[]> page = get(path, lang);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                long total = page.body().length;
                Matcher linked = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"")
                        .matcher(new String(page.body(), StandardCharsets.UTF_8));
                while (linked.find()) {
                    total += get(linked.group(1), lang).body().length;
                }
                assertThat(total).as(path + " in " + lang + " with its style sheets and scripts").isLessThan(MAX_PAGE_BYTES);
            }
        }
        // A full page of results: 20 labels.
        for (int i = 0; i < 20; i++) {
            labelled();
        }
        HttpResponse<byte[]> full = get("/registry?vendor=Vendor+A", "ja");
        assertThat(full.body().length).isLessThan(MAX_PAGE_BYTES - 60 * 1024);
    }

    @Test
    void registryPagesAreCacheableForAnonymousVisitorsAndAnUnknownProductIs404() throws Exception {
        HttpResponse<byte[]> registry = get("/registry?status=valid", "en");
        assertThat(registry.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(registry.headers().firstValue("Vary").orElseThrow()).contains("Accept-Language", "Cookie");
        HttpResponse<byte[]> unknown = get("/products/" + UUID.randomUUID(), "ja");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("<html lang=\"ja\"");
        // A product that is not published is not shown to anyone here, its vendor included.
        UUID unpublished = world.productA;
        assertThat(get("/products/" + unpublished, "en").statusCode()).isEqualTo(404);
        assertThat(get("/products/not-a-uuid", "en").statusCode()).isEqualTo(404);
        assertThat(get("/registry?status=sometimes", "en").statusCode()).isEqualTo(400);
    }

    @Test
    void badChecksAre4xxWithTheErrorOnThePage() throws Exception {
        HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/check"))
                .header("Accept", "text/html").header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("qr=just+some+words")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("id=\"qr-error\"");
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/check"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("qr=")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(422);

        // A photo without a QR code, and one that is not a picture.
        BufferedImage blank = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);
        HttpResponse<String> noCode = multipart(png.toByteArray());
        assertThat(noCode.statusCode()).isEqualTo(422);
        assertThat(noCode.body()).contains("id=\"photo-error\"", "No readable QR code");
        assertThat(multipart("not a picture".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);

        // Declared larger than the cap: refused before the body is read (none is sent here at all).
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nAccept-Language: en\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 50000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Read up to the page's end: the connection stays open while the container waits for the body.
            InputStream in = socket.getInputStream();
            var received = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while (!received.toString(StandardCharsets.UTF_8).contains("</html>") && (n = in.read(chunk)) > 0) {
                received.write(chunk, 0, n);
            }
            String answer = received.toString(StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("id=\"photo-error\"", "larger than 4 MB")
                    .doesNotContain("JSESSIONID");
        }
    }

    private HttpResponse<String> multipart(byte[] file) throws Exception {
        String boundary = "publicsite" + UUID.randomUUID().toString().replace("-", "");
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"label.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/check"))
                .header("Accept", "text/html").header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        return response;
    }

    private HttpResponse<byte[]> get(String path, String lang) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html")
                .header("Accept-Language", lang).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The label's artwork PNG from the public endpoint, "photographed": scaled down a little, turned slightly and
     * put on a grey background with a margin, as a phone would see the printed label.
     */
    private Path photoOfLabel(Labelled cam) throws Exception {
        byte[] artwork = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/labels/" + cam.labelId()
                + "/artwork.png")).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        BufferedImage label = ImageIO.read(new ByteArrayInputStream(artwork));
        int w = label.getWidth() * 3 / 4;
        int h = label.getHeight() * 3 / 4;
        BufferedImage photo = new BufferedImage(w + 240, h + 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(0x8a, 0x8f, 0x94));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(3), photo.getWidth() / 2.0, photo.getHeight() / 2.0);
        g.drawImage(label, 120, 120, w, h, null);
        g.dispose();
        Path file = Files.createTempFile("label-photo", ".png");
        ImageIO.write(photo, "png", file.toFile());
        return file;
    }

    private String operatorToken() {
        String user = userWithRole(Role.OPERATOR_ADMIN, world.operator);
        AccountRepository accounts = context.getBean(AccountRepository.class);
        UUID id = accounts.findByUsername(user).orElseThrow().id();
        Actor actor = new Actor(id, user, accounts.memberships(id));
        return context.getBean(AccountService.class).createToken(actor, new TokenInput("public site test", 1)).token();
    }

    private static void waitFor(BrowserSession b, String inAddress) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(inAddress)
                && d.findElements(By.cssSelector(".htmx-request")).isEmpty());
    }

    private static void assertLoaded(BrowserSession b, WebElement image) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
    }
}
