package io.iotseal.server;

import io.iotseal.label.qr.QrCodes;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.AccountService;
import io.iotseal.server.account.TokenInput;
import io.iotseal.server.account.UserInput;
import io.iotseal.server.account.UserView;
import io.iotseal.server.organization.OrganizationInput;
import io.iotseal.server.organization.OrganizationService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The vendor console's labels, organization profile and users pages (issue 14 item 3, ADR 0087), through
 * MockMvc: what each page shows, its forms' errors next to the fields (nothing saved), stale forms (409),
 * and that another vendor's records are not found. The name-change and user rows act on a vendor of their own,
 * so the shared world's vendor A keeps its state for the other tests.
 */
class VendorConsoleLabelsOrganizationUsersTest extends ApiTest {

    @Autowired
    private OrganizationService organizations;
    @Autowired
    private AccountService accounts;
    @Autowired
    private AccountRepository accountRepository;
    @Autowired
    private org.springframework.context.ApplicationContext applicationContext;

    private AssessmentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AssessmentFixtures(applicationContext, world);
    }

    // --- labels ------------------------------------------------------------------------------------

    @Test
    void theLabelsPageListsOnlyTheVendorsOwnLabels() throws Exception {
        UUID label = labelOf(fixtures.acceptedStarOne().id());
        String labelId = jdbc.sql("select label_id from label where id = ?").param(label).query(String.class).single();
        String own = page(Who.VENDOR_MEMBER, get("/vendor/labels"), 200);
        assertThat(own).contains(labelId, "/vendor/labels/" + label);
        String other = page(Who.OTHER_VENDOR_ADMIN, get("/vendor/labels"), 200);
        assertThat(other).doesNotContain(labelId);
        // Vendor B cannot open it, by UUID or by the id printed on the label, nor get its print PDF.
        page(Who.OTHER_VENDOR_ADMIN, get("/vendor/labels/" + label), 404);
        page(Who.OTHER_VENDOR_ADMIN, get("/vendor/labels/" + labelId), 404);
        page(Who.OTHER_VENDOR_ADMIN, get("/vendor/labels/" + label + "/artwork.pdf"), 404);
        String detail = page(Who.VENDOR_ADMIN, get("/vendor/labels/" + labelId), 200);
        assertThat(detail).contains("Valid", "/api/v1/labels/" + label + "/artwork.svg",
                "/api/v1/labels/" + label + "/artwork.png", "/vendor/labels/" + label + "/artwork.pdf",
                "2030-12-31");   // the support period end
    }

    @Test
    void thePrintPdfCarriesTheArtworkWhoseQrCodeScans() throws Exception {
        UUID label = labelOf(fixtures.acceptedStarOne().id());
        Map<String, Object> row = jdbc.sql("select label_id, qr_text, registration_number from label where id = ?")
                .param(label).query().singleRow();
        MockHttpServletResponse response = mvc.perform(as(Who.VENDOR_MEMBER, get("/vendor/labels/" + label + "/artwork.pdf")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("label-" + row.get("label_id") + ".pdf");
        // Kept beside the browser tests' screenshots, for a person to look at (a CI artifact).
        java.nio.file.Path kept = java.nio.file.Path.of("target", "screenshots", "label-print.pdf");
        java.nio.file.Files.createDirectories(kept.getParent());
        java.nio.file.Files.write(kept, response.getContentAsByteArray());
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("登録番号", "Registration number", (String) row.get("registration_number"),
                    (String) row.get("label_id"));
            // Rendered as a printer would at 300 dpi, the page's QR code reads back as the label's QR text.
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
            javax.imageio.ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 96), "png",
                    kept.resolveSibling("label-print.png").toFile());
            assertThat(QrCodes.decode(page)).isEqualTo(row.get("qr_text"));
            // Control: the page below the artwork (its text) holds no QR code, so the decode above read the artwork's.
            int top = (int) (page.getHeight() * 0.55);
            BufferedImage below = page.getSubimage(0, top, page.getWidth(), page.getHeight() - top);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> QrCodes.decode(below))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRenewalIsAskedThroughThePageAndTheOperatorsDecisionIsShown() throws Exception {
        UUID label = labelOf(fixtures.renewableBsi("Console Cam " + UUID.randomUUID().toString().substring(0, 6)).id());
        String path = "/vendor/labels/" + label;
        long version = labelVersion(label);

        // Bad input: no kind; an update without its note; a note too long. Nothing is asked.
        assertThat(page(Who.VENDOR_MEMBER, post(path + "/requests").param("version", "" + version), 422))
                .contains("id=\"kind-error\"", "Choose renewal or updated declaration.");
        String noNote = page(Who.VENDOR_MEMBER, post(path + "/requests").param("kind", "update")
                .param("version", "" + version).header("Accept-Language", "ja"), 422);
        assertThat(noNote).contains("id=\"note-error\"", "変更した宣言の対象を記入してください。", "value=\"update\" checked");
        page(Who.VENDOR_MEMBER, post(path + "/requests").param("kind", "renewal").param("note", "x".repeat(501))
                .param("version", "" + version), 422);
        // A stale form: the page was read at another version of the label.
        assertThat(page(Who.VENDOR_MEMBER, post(path + "/requests").param("kind", "renewal")
                .param("version", "" + (version - 1)), 409)).contains("id=\"stale\"");
        assertThat(requests(label)).isZero();

        // The renewal, then the operator's rejection with a comment, shown on the vendor's page.
        MockHttpServletResponse asked = mvc.perform(as(Who.VENDOR_MEMBER, post(path + "/requests").param("kind", "renewal")
                .param("note", "Support extended to 2030.").param("version", "" + version))).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(302);
        assertThat(asked.getRedirectedUrl()).isEqualTo(path + "?requested");
        assertThat(requests(label)).isEqualTo(1);
        String waiting = page(Who.VENDOR_ADMIN, get(path), 200);
        assertThat(waiting).contains("Waiting for the operator", "Support extended to 2030.")
                .doesNotContain("action=\"" + path + "/requests\"");
        String request = jdbc.sql("select id from label_request where label = ?").param(label).query(String.class).single();
        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labels/" + label + "/requests/" + request
                        + "/decision"), Map.of("action", "reject", "comment", "Send the new support statement first.")))
                .header(HttpHeaders.IF_MATCH, "\"1\""))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(page(Who.VENDOR_MEMBER, get(path).header("Accept-Language", "ja"), 200))
                .contains("却下", "Send the new support statement first.", "action=\"" + path + "/requests\"");
    }

    @Test
    void aRequestTheRegistryRefusesShowsItsReasonNextToTheChoice() throws Exception {
        // A ★1 label: the scheme data states no renewal window, so the service refuses a renewal.
        UUID label = labelOf(fixtures.acceptedStarOne().id());
        String refused = page(Who.VENDOR_ADMIN, post("/vendor/labels/" + label + "/requests").param("kind", "renewal")
                .param("version", "" + labelVersion(label)), 422);
        assertThat(refused).contains("id=\"kind-error\"", "The registry refused the request:", "renewal window");
        assertThat(requests(label)).isZero();
    }

    // --- organization profile ----------------------------------------------------------------------

    @Test
    void aNameChangeWaitsForTheOperatorAndTheApprovedNameStays() throws Exception {
        Vendor v = freshVendor();
        String profile = page(v.admin, get("/vendor/organization"), 200);
        assertThat(profile).contains(v.name, "action=\"/vendor/organization/" + v.id + "/name-change\"");
        // A member sees the profile but no form, and may not post it.
        assertThat(page(v.member, get("/vendor/organization"), 200)).contains(v.name).doesNotContain("/name-change\"");
        page(v.member, post("/vendor/organization/" + v.id + "/name-change").param("name", "Member Rename")
                .param("version", "1"), 403);
        // Another vendor's admin: not found.
        page(Who.OTHER_VENDOR_ADMIN, post("/vendor/organization/" + v.id + "/name-change").param("name", "X")
                .param("version", "1"), 404);

        // Bad input, each kept as typed and nothing asked: no name; too long a Japanese name; the current name.
        assertThat(page(v.admin, post("/vendor/organization/" + v.id + "/name-change").param("name", " ")
                .param("nameJa", "新しい名前").param("version", "1").header("Accept-Language", "ja"), 422))
                .contains("新しい正式名称を記入してください", "value=\"新しい名前\"");
        page(v.admin, post("/vendor/organization/" + v.id + "/name-change").param("name", "Fine")
                .param("nameJa", "長".repeat(201)).param("version", "1"), 422);
        assertThat(page(v.admin, post("/vendor/organization/" + v.id + "/name-change").param("name", v.name)
                .param("version", "1"), 422)).contains("These are the organization’s names already.");
        // A stale form (the organization was read at another version): the typed name is kept.
        assertThat(page(v.admin, post("/vendor/organization/" + v.id + "/name-change").param("name", "Typed Name")
                .param("version", "0"), 409)).contains("id=\"stale\"", "value=\"Typed Name\"");
        assertThat(nameChanges(v.id)).isZero();

        String newName = v.name + " Holdings";
        MockHttpServletResponse asked = mvc.perform(bearer(v.admin, post("/vendor/organization/" + v.id + "/name-change")
                .param("name", newName).param("nameJa", "新社名").param("version", "1"))).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(302);
        assertThat(nameChanges(v.id)).isEqualTo(1);
        // Pending: the approved name is still the organization's (and so the labels'), the request is listed.
        assertThat(jdbc.sql("select name from organization where id = ?").param(v.id).query(String.class).single())
                .isEqualTo(v.name);
        String pending = page(v.admin, get("/vendor/organization?requested"), 200);
        assertThat(pending).contains(newName, "新社名", "Waiting for the operator").doesNotContain("/name-change\"");
        // A second request while one waits: refused next to the field.
        assertThat(page(v.admin, post("/vendor/organization/" + v.id + "/name-change").param("name", v.name + " Group")
                .param("version", "1"), 422)).contains("already waiting for the operator");
        assertThat(nameChanges(v.id)).isEqualTo(1);
    }

    // --- users ------------------------------------------------------------------------------------

    @Test
    void aVendorAdminInvitesAUserWithAOneTimePassword() throws Exception {
        Vendor v = freshVendor();
        String username = "invited-" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse invited = mvc.perform(bearer(v.admin, post("/vendor/users").param("username", username)
                .param("displayName", "Invited Person").param("role", "VENDOR_MEMBER"))).andReturn().getResponse();
        assertThat(invited.getStatus()).isEqualTo(200);
        assertThat(invited.getHeader("Cache-Control")).contains("no-store");
        String html = invited.getContentAsString();
        String otp = html.replaceAll("(?s).*id=\"otp\" type=\"text\" readonly value=\"([^\"]+)\".*", "$1");
        assertThat(otp).hasSizeGreaterThan(15).doesNotContain("<");
        UserView user = accounts.get(operatorAdmin(), accountRepository.findByUsername(username).orElseThrow().id());
        assertThat(user.memberships()).containsExactly(new Membership(v.id, Role.VENDOR_MEMBER));
        assertThat(user.passwordChangeRequired()).isTrue();
        // The one-time password signs in (to the forced password change).
        assertThat(tryLogin(username, otp, "127.0.0.13").getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(tryLogin(username, otp + "x", "127.0.0.14").getResponse().getRedirectedUrl()).contains("error");
    }

    @Test
    void anInvitationWithBadInputSavesNothingAndSaysWhy() throws Exception {
        Vendor v = freshVendor();
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        // Control: a good invitation passes, so the refusals below are for their own reasons.
        page(v.admin, post("/vendor/users").param("username", "good-" + UUID.randomUUID().toString().substring(0, 8))
                .param("displayName", "Good").param("role", "VENDOR_ADMIN"), 200);
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(users + 1);

        String bad = page(v.admin, post("/vendor/users").param("username", "a b").param("displayName", "Kept Name")
                .param("email", "not-an-address").param("role", "VENDOR_MEMBER").header("Accept-Language", "ja"), 422);
        assertThat(bad).contains("id=\"username-error\"", "id=\"email-error\"", "value=\"Kept Name\"", "value=\"a b\"",
                "ユーザー名を記入してください");
        // An operator role is never offered, and posted anyway it is refused as a field error.
        assertThat(page(v.admin, get("/vendor/users"), 200)).doesNotContain("value=\"OPERATOR_ADMIN\"");
        assertThat(page(v.admin, post("/vendor/users").param("username", "op-" + UUID.randomUUID().toString().substring(0, 8))
                .param("displayName", "Op").param("role", "OPERATOR_ADMIN"), 422)).contains("id=\"role-error\"");
        // A taken user name.
        assertThat(page(v.admin, post("/vendor/users").param("username", "admin").param("displayName", "Again")
                .param("role", "VENDOR_MEMBER"), 422)).contains("This user name is not available");
        // Another organization (vendor A) is not the admin's: not found.
        page(v.admin, post("/vendor/users").param("username", "elsewhere-1").param("displayName", "E")
                .param("role", "VENDOR_MEMBER").param("organizationId", world.vendorA.toString()), 404);
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(users + 1);
    }

    @Test
    void aVendorAdminDisablesAndChangesRolesOfTheirOwnPeopleOnly() throws Exception {
        Vendor v = freshVendor();
        UUID member = accountRepository.findByUsername(v.memberName).orElseThrow().id();
        String list = page(v.admin, get("/vendor/users"), 200);
        assertThat(list).contains(v.memberName, v.adminName, "/vendor/users/" + member + "/status")
                .doesNotContain("world-vendor-admin");   // vendor A's people are not listed
        // Members, operators and other vendors' admins cannot act on them.
        page(v.member, get("/vendor/users"), 403);
        page(Who.OPERATOR_ADMIN, get("/vendor/users"), 403);
        page(Who.OTHER_VENDOR_ADMIN, post("/vendor/users/" + member + "/status").param("enabled", "false"), 404);
        page(Who.VENDOR_ADMIN, post("/vendor/users/" + member + "/role").param("organizationId", v.id.toString())
                .param("current", "VENDOR_MEMBER").param("role", "VENDOR_ADMIN"), 404);

        // Disable; the same form again is stale (the member is disabled already).
        assertThat(mvc.perform(bearer(v.admin, post("/vendor/users/" + member + "/status").param("enabled", "false")))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/vendor/users?done=disabled");
        assertThat(accountRepository.find(member).orElseThrow().enabled()).isFalse();
        assertThat(page(v.admin, post("/vendor/users/" + member + "/status").param("enabled", "false"), 409))
                .contains("id=\"user-" + member + "-error\"");

        // Role change: member to admin; the same form again is stale; a non-vendor role is refused.
        assertThat(mvc.perform(bearer(v.admin, post("/vendor/users/" + member + "/role").param("organizationId", v.id.toString())
                .param("current", "VENDOR_MEMBER").param("role", "VENDOR_ADMIN"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/vendor/users?done=role");
        assertThat(accountRepository.memberships(member)).containsExactly(new Membership(v.id, Role.VENDOR_ADMIN));
        page(v.admin, post("/vendor/users/" + member + "/role").param("organizationId", v.id.toString())
                .param("current", "VENDOR_MEMBER").param("role", "VENDOR_ADMIN"), 409);
        page(v.admin, post("/vendor/users/" + member + "/role").param("organizationId", v.id.toString())
                .param("current", "VENDOR_ADMIN").param("role", "OPERATOR_ADMIN"), 422);
        assertThat(accountRepository.memberships(member)).containsExactly(new Membership(v.id, Role.VENDOR_ADMIN));

        // Oneself: no form on the page; posted anyway, the service refuses (an admin never locks themselves out).
        UUID self = accountRepository.findByUsername(v.adminName).orElseThrow().id();
        page(v.admin, post("/vendor/users/" + self + "/status").param("enabled", "false"), 409);
        assertThat(accountRepository.find(self).orElseThrow().enabled()).isTrue();
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A vendor of its own with an admin and a member, each with an API token. */
    private record Vendor(UUID id, String name, String adminName, String admin, String memberName, String member) {
    }

    private Vendor freshVendor() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Console Vendor " + suffix;
        UUID id = organizations.create(operatorAdmin(), new OrganizationInput(OrganizationKind.VENDOR, name, null, "JP")).id();
        String adminName = "console-admin-" + suffix;
        String memberName = "console-member-" + suffix;
        return new Vendor(id, name, adminName, token(adminName, id, Role.VENDOR_ADMIN), memberName,
                token(memberName, id, Role.VENDOR_MEMBER));
    }

    private String token(String username, UUID organization, Role role) {
        UserView user = accounts.create(operatorAdmin(), new UserInput(username, username, null, null,
                List.of(new Membership(organization, role))));
        Actor actor = new Actor(user.id(), username, accountRepository.memberships(user.id()));
        return accounts.createToken(actor, new TokenInput("console", 1)).token();
    }

    private Actor operatorAdmin() {
        return new Actor(world.user(Who.OPERATOR_ADMIN), "world-operator-admin",
                List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
    }

    private static MockHttpServletRequestBuilder bearer(String token, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private String page(Who who, MockHttpServletRequestBuilder request, int status) throws Exception {
        return answer(as(who, request), status);
    }

    private String page(String token, MockHttpServletRequestBuilder request, int status) throws Exception {
        return answer(bearer(token, request), status);
    }

    private String answer(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return body;
    }

    private UUID labelOf(UUID assessmentId) {
        return jdbc.sql("select id from label where assessment_id = ?").param(assessmentId).query(UUID.class).single();
    }

    private long labelVersion(UUID label) {
        return jdbc.sql("select version from label where id = ?").param(label).query(Long.class).single();
    }

    private long requests(UUID label) {
        return jdbc.sql("select count(*) from label_request where label = ?").param(label).query(Long.class).single();
    }

    private long nameChanges(UUID organization) {
        return jdbc.sql("select count(*) from organization_name_change where organization_id = ?").param(organization)
                .query(Long.class).single();
    }
}
