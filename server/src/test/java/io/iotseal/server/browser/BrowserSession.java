package io.iotseal.server.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium, driven by Selenium through Debian's chromedriver (ADR 0074), against a
 * server at {@code baseUrl}. Nothing is downloaded: the browser and driver paths are given explicitly, so
 * Selenium Manager never runs. A missing Chromium fails the test; it never skips (.ci/services.sh installs
 * it). Each session has a fresh profile, removed on {@link #close()}.
 */
public final class BrowserSession implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("iotseal.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("iotseal.test.chromedriver", "/usr/bin/chromedriver"));
    /** Where screenshots go: server/target/screenshots/&lt;page language&gt;/&lt;name&gt;.png (a CI artifact). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** axe-core impacts that fail a page (issue 14: zero serious or critical violations). */
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;

    private BrowserSession(String baseUrl, Path profile, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * A new browser whose Accept-Language asks for {@code acceptLanguage} (Chromium's list: "ja", "ja,en"; it
     * adds the q-values itself), as a
     * visitor's browser would, against the server at {@code baseUrl} (http://127.0.0.1:port).
     */
    public static BrowserSession open(String baseUrl, String acceptLanguage) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); run .ci/services.sh as root to install them");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("iotseal-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--no-default-browser-check",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath(),
                "--lang=" + acceptLanguage.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new BrowserSession(baseUrl.replaceAll("/$", ""), profile, driver);
    }

    /** Opens {@code path} (e.g. "/", "/l/ABC?lang=ja") on the server and waits for the page. */
    public BrowserSession go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the sign-in page's form; lands wherever the server sends the user (the dashboard). */
    public BrowserSession signIn(String username, String password) {
        go("/login");
        return signInOnThisPage(username, password);
    }

    /** Fills and sends the sign-in form already shown (the wall's, which carries the page asked for). */
    public BrowserSession signInOnThisPage(String username, String password) {
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver.findElement(By.cssSelector("form.login button[type=submit]")));
        return this;
    }

    /** Signs out with the header's sign-out button (a POST with the CSRF token). */
    public BrowserSession signOut() {
        submit(driver.findElement(By.cssSelector("header form[action='/logout'] button")));
        return this;
    }

    /** Follows the language switch's link to {@code tag} ("ja", "en"); the choice is kept in a cookie. */
    public BrowserSession switchLanguage(String tag) {
        WebElement link = driver.findElement(By.cssSelector("nav.languages a[hreflang='" + tag + "']"));
        String before = driver.getCurrentUrl();
        link.click();
        new WebDriverWait(driver, WAIT).until(d -> !before.equals(d.getCurrentUrl())
                || tag.equals(lang()));
        new WebDriverWait(driver, WAIT).until(d -> tag.equals(lang()));
        return this;
    }

    /** Clicks {@code button} and waits until the next page has replaced this one. */
    public void submit(WebElement button) {
        button.click();
        new WebDriverWait(driver, WAIT).until(d -> gone(button));
    }

    /**
     * Whether the element's page has been replaced. Chromium sometimes reports an element of a page that is
     * being replaced as "does not belong to the document" (an inspector error) instead of as stale: the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The current page's language (its html lang attribute). */
    public String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The path (and query) of the current page, e.g. "/dashboard". */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** The text of the main landmark. */
    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The cookies the browser holds for the server, by name. */
    public Map<String, String> cookies() {
        return driver.manage().getCookies().stream().collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
    }

    // --- form and page helpers the browser tests share ------------------------------------------------

    /** Replaces the text of the input or textarea {@code id} with {@code text}, typed key by key. */
    public BrowserSession type(String id, String text) {
        WebElement e = find(By.id(id));
        e.clear();
        e.sendKeys(text);
        return this;
    }

    /** Date inputs take typed digits in the browser's locale order; the value is set directly instead. */
    public BrowserSession setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", find(By.id(id)), value);
        return this;
    }

    /** axe-core (no serious or critical violation) and a screenshot of the page, in its language. */
    public BrowserSession look(String name) {
        checkAccessibility();
        screenshot(name);
        return this;
    }

    /** {@link #look} in the page's language, then in the other one (ja, en), then back to the first. */
    public BrowserSession lookInBothLanguages(String name) {
        String lang = lang();
        look(name);
        switchLanguage("ja".equals(lang) ? "en" : "ja");
        look(name);
        switchLanguage(lang);
        return this;
    }

    /** A small PNG file (8 × 8 pixels) to upload as evidence, removed when the JVM exits. */
    public static Path smallPng() {
        try {
            Path file = Files.createTempDirectory("evidence").resolve("evidence.png");
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, 0x0b4f8a);
            javax.imageio.ImageIO.write(image, "png", file.toFile());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver, for what this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Saves the whole page as target/screenshots/&lt;page language&gt;/&lt;name&gt;.png and answers the file.
     */
    public Path screenshot(String name) {
        Long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(height + 140, 600)));
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(lang()).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /**
     * Runs axe-core (Deque's, bundled in com.deque.html.axe-core:selenium) in the page and fails with the
     * list of serious and critical violations, if any; answers all results for further checks.
     */
    public Results checkAccessibility() {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + path() + ": " + results.getErrorMessage());
        }
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact())).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError("axe-core: serious or critical accessibility violations on " + path() + ":\n"
                    + failing.stream().map(BrowserSession::describe).collect(Collectors.joining("\n")));
        }
        return results;
    }

    private static String describe(Rule rule) {
        return "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
