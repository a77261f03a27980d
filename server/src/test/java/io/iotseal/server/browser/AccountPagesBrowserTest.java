package io.iotseal.server.browser;

import io.iotseal.server.AssessmentFixtures;
import io.iotseal.server.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages every visitor meets, in a real Chromium, in Japanese and English (issue 14): home, sign-in
 * (wrong password, then the right one), the dashboard per role, sign-out, the label page and the error
 * page; each checked by axe-core and photographed (target/screenshots).
 */
class AccountPagesBrowserTest extends BrowserTestSupport {

    @Test
    void homePageFollowsTheBrowsersLanguageAndKeepsTheSwitchedOne() {
        BrowserSession b = browser("ja,en").go("/");
        assertThat(b.lang()).isEqualTo("ja");
        assertThat(b.mainText()).contains("IoTセキュリティラベルを探す", "登録簿を検索");
        assertThat(b.find(By.cssSelector("form[action='/registry'] input[name=q]")).getAttribute("id")).isEqualTo("q");
        b.checkAccessibility();
        b.screenshot("home");

        b.switchLanguage("en");
        assertThat(b.mainText()).contains("Find an IoT security label");
        assertThat(b.cookies()).containsEntry("lang", "en");
        b.go("/");                                   // no ?lang= any more: the cookie keeps English
        assertThat(b.lang()).isEqualTo("en");
        b.checkAccessibility();
        b.screenshot("home");
        assertThat(b.cookies()).doesNotContainKey("JSESSIONID");
    }

    @Test
    void signInWithAWrongPasswordThenTheRightOneThenSignOut() {
        String user = userWithRole(Role.VENDOR_ADMIN, world.vendorA);
        BrowserSession b = browser("en");
        b.go("/dashboard");                          // the login wall, without a session (ADR 0075)
        assertThat(b.path()).isEqualTo("/login");
        assertThat(b.cookies()).doesNotContainKey("JSESSIONID");
        b.checkAccessibility();
        b.screenshot("login");

        b.signIn(user, "not the password at all");
        assertThat(b.path()).isEqualTo("/login");
        assertThat(b.find(By.id("login-error")).getText()).isEqualTo("The user name or password is wrong.");
        assertThat(b.find(By.id("username")).getAttribute("value")).isEqualTo(user);
        assertThat(b.find(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.cookies()).doesNotContainKey("JSESSIONID");
        b.checkAccessibility();
        b.screenshot("login-error");

        b.signIn(user, PASSWORD);
        assertThat(b.path()).isEqualTo("/dashboard");
        assertThat(b.mainText()).contains("Welcome, " + user, "Open the vendor console")
                .doesNotContain("Open the operator console", "Open the lab console");
        assertThat(b.find(By.linkText("Open the vendor console")).getAttribute("href")).endsWith("/vendor");
        b.checkAccessibility();
        b.screenshot("dashboard-vendor");

        b.signOut();
        assertThat(b.path()).isEqualTo("/login?logout");
        assertThat(b.mainText()).contains("You have signed out.");
        b.go("/dashboard");
        assertThat(b.path()).isEqualTo("/login");
    }

    @Test
    void dashboardsOfTheOperatorAndTheLabInJapanese() {
        BrowserSession operator = browser("ja").signIn(userWithRole(Role.OPERATOR_ADMIN, world.operator), PASSWORD);
        assertThat(operator.path()).isEqualTo("/dashboard");
        assertThat(operator.mainText()).contains("制度運営者用コンソールを開く").doesNotContain("ベンダー用コンソールを開く");
        assertThat(operator.find(By.cssSelector("nav.main")).getText()).contains("制度運営者用コンソール");
        operator.checkAccessibility();
        operator.screenshot("dashboard-operator");

        BrowserSession lab = browser("ja").signIn(userWithRole(Role.LAB_EVALUATOR, world.lab), PASSWORD);
        assertThat(lab.mainText()).contains("試験機関用コンソールを開く").doesNotContain("制度運営者用コンソールを開く");
        lab.checkAccessibility();
        lab.screenshot("dashboard-lab");
    }

    @Test
    void labelPageInJapaneseAndEnglish() {
        String labelId = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select label_id from label where assessment_id = ?")
                .param(new AssessmentFixtures(context, world).acceptedStarOne().id()).query(String.class).single();
        BrowserSession b = browser("ja").go("/l/" + labelId);
        assertThat(b.lang()).isEqualTo("ja");
        assertThat(b.mainText()).contains("有効", "World Router A", "保証の限界", "脆弱性の報告先");
        b.checkAccessibility();
        b.screenshot("label");

        b.switchLanguage("en");
        assertThat(b.mainText()).contains("Valid", "World Router A", "Limits of assurance", "Report a vulnerability");
        b.checkAccessibility();
        b.screenshot("label");

        b.go("/l/NO-SUCH-LABEL");
        assertThat(b.mainText()).contains("No such label is registered. It may be counterfeit.");
        b.checkAccessibility();
        b.screenshot("label-not-found");
    }

    @Test
    void errorPagesAreInTheVisitorsLanguage() {
        // Unknown addresses are behind the sign-in wall like every route not declared public.
        BrowserSession b = browser("ja").signIn(userWithRole(Role.VENDOR_MEMBER, world.vendorA), PASSWORD)
                .go("/no/such/page");
        assertThat(b.mainText()).contains("エラー 404", "このアドレスのページはありません。");
        b.checkAccessibility();
        b.screenshot("error-404");
        BrowserSession en = browser("en").go("/assets/no-such-file.css");
        assertThat(en.mainText()).contains("Error 404", "There is no page at this address.");
        en.screenshot("error-404");
    }
}
