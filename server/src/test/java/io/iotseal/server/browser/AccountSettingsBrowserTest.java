package io.iotseal.server.browser;

import io.iotseal.server.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's own account pages in a real Chromium: password change and API tokens (issue 14). */
class AccountSettingsBrowserTest extends BrowserTestSupport {

    @Test
    void passwordChangeShowsTheErrorNextToTheFieldThenChanges() {
        String user = userWithRole(Role.VENDOR_MEMBER, world.vendorA);
        BrowserSession b = browser("ja").signIn(user, PASSWORD);
        b.find(By.linkText("パスワードを変更する")).click();
        assertThat(b.path()).isEqualTo("/account/password");
        b.checkAccessibility();
        b.screenshot("account-password");

        b.find(By.id("currentPassword")).sendKeys("not my password at all");
        b.find(By.id("newPassword")).sendKeys("a brand new passphrase 9");
        b.find(By.id("confirmPassword")).sendKeys("a brand new passphrase 9");
        b.submit(b.find(By.cssSelector("main form button[type=submit]")));
        assertThat(b.find(By.id("currentPassword-error")).getText()).isEqualTo("現在のパスワードが正しくありません。");
        assertThat(b.find(By.id("currentPassword")).getAttribute("aria-invalid")).isEqualTo("true");
        b.checkAccessibility();
        b.screenshot("account-password-error");

        b.find(By.id("currentPassword")).sendKeys(PASSWORD);
        b.find(By.id("newPassword")).sendKeys("a brand new passphrase 9");
        b.find(By.id("confirmPassword")).sendKeys("a brand new passphrase 9");
        b.submit(b.find(By.cssSelector("main form button[type=submit]")));
        assertThat(b.path()).isEqualTo("/account/password?changed");
        assertThat(b.mainText()).contains("パスワードを変更しました。");
        // Still signed in (this session was carried over), and the new password is the one that works.
        b.go("/dashboard");
        assertThat(b.path()).isEqualTo("/dashboard");
        b.signOut();
        assertThat(browser("en").signIn(user, "a brand new passphrase 9").path()).isEqualTo("/dashboard");
    }

    @Test
    void tokensAreCreatedShownOnceListedAndRevoked() {
        String user = userWithRole(Role.LAB_EVALUATOR, world.lab);
        BrowserSession b = browser("en").signIn(user, PASSWORD).go("/account/tokens");
        assertThat(b.mainText()).contains("You have no API tokens.");
        b.checkAccessibility();

        b.submit(b.find(By.cssSelector("form[action='/account/tokens'] button[type=submit]")));
        assertThat(b.find(By.id("name-error")).getText()).isEqualTo("Give the token a name of at most 100 characters.");

        b.find(By.id("name")).sendKeys("CI <job>");
        b.submit(b.find(By.cssSelector("form[action='/account/tokens'] button[type=submit]")));
        String secret = b.find(By.id("secret")).getAttribute("value");
        assertThat(secret).startsWith("iots_");
        assertThat(b.find(By.cssSelector("table.list tbody")).getText()).contains("CI <job>");
        b.checkAccessibility();
        b.screenshot("account-tokens-created");

        b.go("/account/tokens");
        assertThat(b.find(By.tagName("main")).getText()).doesNotContain(secret);
        b.submit(b.find(By.cssSelector("table.list button")));
        assertThat(b.path()).isEqualTo("/account/tokens?revoked");
        assertThat(b.mainText()).contains("The token has been revoked.", "You have no API tokens.");
        b.screenshot("account-tokens-revoked");
    }
}
