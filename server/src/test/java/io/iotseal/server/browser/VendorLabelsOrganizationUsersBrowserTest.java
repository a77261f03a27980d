package io.iotseal.server.browser;

import io.iotseal.server.AssessmentFixtures;
import io.iotseal.server.World;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import io.iotseal.server.organization.OrganizationInput;
import io.iotseal.server.organization.OrganizationService;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.web.ETags;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendor console's labels, organization profile and users pages in a real Chromium (issue 14 item 3,
 * ADR 0087), in English and in Japanese: a label with its artwork and downloads, a refused then a sent renewal
 * request; a legal-name change asked for (an error first) while the approved name stays; a user invited
 * (an error first) who signs in with the one-time password, a role changed and a member disabled. Every page
 * is checked by axe-core and photographed in the language of the run, errors included.
 */
class VendorLabelsOrganizationUsersBrowserTest extends BrowserTestSupport {

    @Test
    void labelsOrganizationAndUsersInEnglish() {
        walk("en", "Waiting for the operator", "Choose renewal or updated declaration.");
    }

    @Test
    void labelsOrganizationAndUsersInJapanese() {
        walk("ja", "制度運営者の判断待ち", "更新か宣言の変更かを選んでください。");
    }

    private void walk(String lang, String waitingText, String kindErrorText) {
        // --- Labels: vendor A's renewable label.
        LabelView label = renewableLabel();
        BrowserSession b = browser(lang).signIn(userWithRole(Role.VENDOR_ADMIN, world.vendorA), PASSWORD);
        b.go("/vendor");
        assertThat(b.findAll(By.cssSelector("nav.console a[href='/vendor/labels']"))).hasSize(1);
        assertThat(b.findAll(By.cssSelector("nav.console a[href='/vendor/users']"))).hasSize(1);
        b.look("vendor-console-all");
        b.submit(b.find(By.cssSelector("nav.console a[href='/vendor/labels']")));
        assertThat(b.mainText()).contains(label.labelId(), label.registrationNumber());
        b.look("vendor-labels");
        b.submit(b.find(By.cssSelector("a[href='/vendor/labels/" + label.id() + "']")));
        WebElement artwork = b.find(By.cssSelector("figure.artwork img"));
        assertThat((Long) ((JavascriptExecutor) b.driver()).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", artwork)).isPositive();
        assertThat(b.find(By.id("download-pdf")).getAttribute("href")).endsWith("/vendor/labels/" + label.id() + "/artwork.pdf");
        b.look("vendor-label");

        // No kind chosen: the error next to the choice, the note kept.
        b.type("note", "Support extended to the end of 2030.");
        b.submit(b.find(By.cssSelector("form[action$='/requests'] button[type=submit]")));
        assertThat(b.find(By.id("kind-error")).getText()).isEqualTo(kindErrorText);
        assertThat(b.find(By.id("note")).getAttribute("value")).isEqualTo("Support extended to the end of 2030.");
        b.look("vendor-label-errors");
        b.find(By.id("kind-renewal")).click();
        b.submit(b.find(By.cssSelector("form[action$='/requests'] button[type=submit]")));
        assertThat(b.path()).isEqualTo("/vendor/labels/" + label.id() + "?requested");
        assertThat(b.mainText()).contains(waitingText, "Support extended to the end of 2030.");
        assertThat(b.findAll(By.cssSelector("form[action$='/requests']"))).isEmpty();
        b.look("vendor-label-requested");

        // --- Organization profile: a vendor of its own, so vendor A's name stays as other tests expect.
        UUID org = freshVendor("Browser Vendor " + lang + " " + UUID.randomUUID().toString().substring(0, 6));
        String orgName = context.getBean(OrganizationService.class).get(operatorAdmin(), org).name();
        String admin = userWithRole(Role.VENDOR_ADMIN, org);
        String member = userWithRole(Role.VENDOR_MEMBER, org);
        BrowserSession v = browser(lang).signIn(admin, PASSWORD);
        v.go("/vendor/organization");
        assertThat(v.find(By.id("org-name")).getText()).isEqualTo(orgName);
        v.look("vendor-organization");
        v.type("nameJa-" + org, "新しい社名");
        v.submit(v.find(By.cssSelector("form[action$='/name-change'] button[type=submit]")));
        assertThat(v.find(By.id("name-" + org + "-error")).isDisplayed()).isTrue();
        assertThat(v.find(By.id("nameJa-" + org)).getAttribute("value")).isEqualTo("新しい社名");
        v.look("vendor-organization-errors");
        v.type("name-" + org, orgName + " Holdings");
        v.submit(v.find(By.cssSelector("form[action$='/name-change'] button[type=submit]")));
        assertThat(v.path()).isEqualTo("/vendor/organization?requested");
        assertThat(v.find(By.id("org-name")).getText()).isEqualTo(orgName);   // labels keep the approved name
        assertThat(v.mainText()).contains(orgName + " Holdings", "新しい社名", waitingText);
        v.look("vendor-organization-requested");

        // --- Users: invite (an error first), then change the member's role and disable the invited user.
        v.go("/vendor/users");
        assertThat(v.mainText()).contains(admin, member);
        v.look("vendor-users");
        String invited = "invited-" + lang + "-" + UUID.randomUUID().toString().substring(0, 6);
        v.type("username", "no spaces allowed");
        v.type("displayName", "Invited Person");
        v.submit(v.find(By.cssSelector("form[action='/vendor/users'] button[type=submit]")));
        assertThat(v.find(By.id("username-error")).isDisplayed()).isTrue();
        assertThat(v.find(By.id("displayName")).getAttribute("value")).isEqualTo("Invited Person");
        v.look("vendor-users-errors");
        v.type("username", invited);
        v.submit(v.find(By.cssSelector("form[action='/vendor/users'] button[type=submit]")));
        String oneTimePassword = v.find(By.id("otp")).getAttribute("value");
        assertThat(oneTimePassword).isNotBlank();
        assertThat(v.mainText()).contains(invited);
        v.look("vendor-users-invited");

        UUID memberId = context.getBean(AccountRepository.class).findByUsername(member).orElseThrow().id();
        new org.openqa.selenium.support.ui.Select(v.find(By.id("role-" + memberId + "-" + org))).selectByValue("VENDOR_ADMIN");
        v.submit(v.find(By.cssSelector("form[action='/vendor/users/" + memberId + "/role'] button[type=submit]")));
        assertThat(v.path()).isEqualTo("/vendor/users?done=role");
        UUID invitedId = context.getBean(AccountRepository.class).findByUsername(invited).orElseThrow().id();
        v.submit(v.find(By.cssSelector("form[action='/vendor/users/" + invitedId + "/status'] button[type=submit]")));
        assertThat(v.path()).isEqualTo("/vendor/users?done=disabled");
        assertThat(context.getBean(AccountRepository.class).memberships(memberId))
                .containsExactly(new Membership(org, Role.VENDOR_ADMIN));
        v.look("vendor-users-changed");

        // The disabled invitee's one-time password no longer signs in; re-enabled, it does.
        v.submit(v.find(By.cssSelector("form[action='/vendor/users/" + invitedId + "/status'] button[type=submit]")));
        assertThat(v.path()).isEqualTo("/vendor/users?done=enabled");
        BrowserSession newcomer = browser(lang).signIn(invited, oneTimePassword);
        assertThat(newcomer.path()).doesNotStartWith("/login");
    }

    /** A BSI label of a vendor A product, issued today and inside its renewal window (support extended after). */
    private LabelView renewableLabel() {
        ProductService products = context.getBean(ProductService.class);
        String name = "Browser Renewable " + UUID.randomUUID().toString().substring(0, 6);
        UUID product = products.create(operatorAdmin(), World.product(world.vendorA, name, false,
                LocalDate.now(ZoneOffset.UTC).plusDays(60))).id();
        products.addVersion(operatorAdmin(), product, new VersionInput("1.0.0", null, null));
        AssessmentView accepted = new AssessmentFixtures(context, world).accepted("de-bsi-label:label", product, "1.0.0");
        products.update(operatorAdmin(), product, World.product(world.vendorA, name, false, LocalDate.of(2030, 12, 31)),
                ETags.of(products.get(operatorAdmin(), product).version()));
        return context.getBean(LabelLookup.class).forAssessment(accepted.id());
    }

    private UUID freshVendor(String name) {
        return context.getBean(OrganizationService.class).create(operatorAdmin(),
                new OrganizationInput(OrganizationKind.VENDOR, name, null, "JP")).id();
    }

}
