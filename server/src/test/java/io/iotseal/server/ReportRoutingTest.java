package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.iotseal.openpgp.GnuPg;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Routing of reports (issue 17 item 1, ADR 0102) against GreenMail, an in-process SMTP server, and GnuPG, the
 * OpenPGP implementation we did not write: with the vendor's key the contact's mail holds the report encrypted to
 * it and gpg decrypts it; without a key the mail holds no report text; a JC-STAR label copies the operator's
 * subscriptions and a CLS one does not, as the reporting clocks data says; bad keys are refused naming the field.
 */
class ReportRoutingTest extends ApiTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    private static final AtomicInteger SOURCES = new AtomicInteger();
    private static final Pattern ARMORED = Pattern.compile(
            "-----BEGIN PGP MESSAGE-----.*?-----END PGP MESSAGE-----", Pattern.DOTALL);

    @Autowired
    private ApplicationContext context;

    @Test
    void aJcStarReportIsMailedEncryptedToTheVendorsKeyAndCopiesTheOperator() throws Exception {
        try (GnuPg gpg = GnuPg.fresh()) {
            String marker = UUID.randomUUID().toString().substring(0, 8);
            String contact = "psirt-" + marker + "@vendor-a.example";
            String publicKey = gpg.generate("PSIRT " + marker + " <" + contact + ">", "future-default", "default");
            String gpgFingerprint = fingerprintInGpg(gpg);
            CaseFixtures.Labelled l = labelled("Routed Camera " + marker);
            JsonNode product = saveKeyAndContact(l.product(), publicKey, contact, 200);
            assertThat(product.get("vulnerabilityOpenPgpFingerprint").asText()).isEqualTo(gpgFingerprint);

            // The reporter is told before sending, with the fingerprint to compare; the label page offers the key.
            String form = mvc.perform(get("/labels/" + l.labelId() + "/report")).andReturn().getResponse()
                    .getContentAsString();
            assertThat(form).contains("encrypted to the vendor’s OpenPGP key " + gpgFingerprint,
                    "The scheme operator is told of your report too");
            String labelPage = mvc.perform(get("/l/" + l.labelId())).andReturn().getResponse().getContentAsString();
            assertThat(labelPage).contains(gpgFingerprint, "/products/" + l.product() + "/openpgp-key.asc");
            MvcResult download = mvc.perform(get("/products/" + l.product() + "/openpgp-key.asc")).andReturn();
            assertThat(download.getResponse().getContentType()).startsWith("application/pgp-keys");
            assertThat(download.getResponse().getContentAsString()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");

            Subscriptions subs = subscribe(l.labelId());
            try {
                String secret = "Root shell on port 2323 " + marker;
                UUID caseId = report(l.labelId(), "Backdoor " + marker, secret);

                MimeMessage mail = mailTo(contact);
                String text = GreenMailUtil.getBody(mail);
                assertThat(mail.getSubject()).contains(l.labelId()).doesNotContain("Backdoor", secret);
                assertThat(text).doesNotContain(secret, "Backdoor " + marker).contains(gpgFingerprint,
                        "/vendor/cases/" + caseId);
                Matcher armored = ARMORED.matcher(text);
                assertThat(armored.find()).as(text).isTrue();
                GnuPg.Result decrypted = gpg.ok(armored.group().replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII),
                        "--decrypt");
                assertThat(decrypted.outText()).contains(secret, "Summary: Backdoor " + marker, "Label: " + l.labelId(),
                        "Affected version: 1.0.0", "rei-" + marker + "@example.org");

                JsonNode routing = routing(caseId, r -> "SENT".equals(r.get("mailState").asText()));
                assertThat(routing.get("operatorCopied").asBoolean()).isTrue();
                assertThat(routing.get("operatorCopyDefault").asBoolean()).isFalse();
                assertThat(routing.get("ruleScheme").asText()).isEqualTo("jc-star");
                assertThat(routing.get("operatorCopySource").asText()).contains("IPA");
                assertThat(routing.get("mailTo").asText()).isEqualTo(contact);
                assertThat(routing.get("mailEncryptedTo").asText()).isEqualTo(gpgFingerprint);

                assertThat(deliveriesOf(caseId)).as("told to the vendor and the operator")
                        .containsEntry(subs.vendor(), 1).containsEntry(subs.operator(), 1);
                assertThat(eventData(caseId)).contains("\"operatorCopied\":true").doesNotContain(secret, "Backdoor");
                String console = mvc.perform(as(Who.VENDOR_ADMIN, get("/vendor/cases/" + caseId))).andReturn()
                        .getResponse().getContentAsString();
                assertThat(console).contains("Operator copied", "IPA", "The report was encrypted to the OpenPGP key "
                        + gpgFingerprint);
            } finally {
                subs.end();
            }
        }
    }

    @Test
    void aClsReportWithoutAKeyMailsNoReportTextAndGoesToTheVendorAlone() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String contact = "psirt-cls-" + marker + "@vendor-a.example";
        CaseFixtures.Labelled l = labelled("Routed Router " + marker);
        // Routing reads the label's scheme; issuing a real CLS label needs a lab's evaluation, which the assessment
        // tests walk through, so this label is moved to CLS level 1 in the table.
        jdbc.sql("update label set scheme = 'sg-cls', level = 'level-1' where label_id = ?").param(l.labelId()).update();
        saveKeyAndContact(l.product(), null, contact, 200);
        String form = mvc.perform(get("/labels/" + l.labelId() + "/report")).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("without its text", "The scheme operator is not told of your report");

        Subscriptions subs = subscribe(l.labelId());
        try {
            String secret = "Default password admin/admin " + marker;
            UUID caseId = report(l.labelId(), "Weak login " + marker, secret);

            MimeMessage mail = mailTo(contact);
            String text = GreenMailUtil.getBody(mail);
            assertThat(text).contains("/vendor/cases/" + caseId, "does not contain the report")
                    .doesNotContain(secret, "Weak login", "rei-" + marker, "BEGIN PGP MESSAGE");
            assertThat(mail.getSubject()).doesNotContain("Weak login");

            JsonNode routing = routing(caseId, r -> "SENT".equals(r.get("mailState").asText()));
            assertThat(routing.get("operatorCopied").asBoolean()).isFalse();
            assertThat(routing.get("operatorCopyDefault").asBoolean()).isTrue();
            assertThat(routing.get("ruleScheme").asText()).isEqualTo("sg-cls");
            assertThat(routing.get("mailEncryptedTo").isNull()).isTrue();

            assertThat(deliveriesOf(caseId)).as("told to the vendor alone")
                    .containsEntry(subs.vendor(), 1).doesNotContainKey(subs.operator());
            assertThat(eventData(caseId)).contains("\"operatorCopied\":false").doesNotContain(secret);
        } finally {
            subs.end();
        }
    }

    @Test
    void badKeysAreRefusedNamingTheField() throws Exception {
        try (GnuPg gpg = GnuPg.fresh()) {
            String marker = UUID.randomUUID().toString().substring(0, 8);
            CaseFixtures.Labelled l = labelled("Keyed Hub " + marker);
            String good = gpg.generate("Good " + marker + " <good-" + marker + "@vendor-a.example>", "future-default",
                    "default");
            String signOnly = gpg.generate("Sign " + marker + " <sign-" + marker + "@vendor-a.example>", "ed25519",
                    "sign");
            // Positive control: a key that may encrypt is taken.
            saveKeyAndContact(l.product(), good, "psirt@vendor-a.example", 200);

            JsonNode notAKey = saveKeyAndContact(l.product(), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot a key\n"
                    + "-----END PGP PUBLIC KEY BLOCK-----\n", "psirt@vendor-a.example", 400);
            assertThat(notAKey.at("/errors/0/field").asText()).isEqualTo("vulnerabilityOpenPgpKey");
            JsonNode signingOnly = saveKeyAndContact(l.product(), signOnly, "psirt@vendor-a.example", 400);
            assertThat(signingOnly.at("/errors/0/field").asText()).isEqualTo("vulnerabilityOpenPgpKey");
            assertThat(signingOnly.at("/errors/0/message").asText()).contains("may encrypt");
            JsonNode huge = saveKeyAndContact(l.product(), good + " ".repeat(70_000), "psirt@vendor-a.example", 400);
            assertThat(huge.at("/errors/0/field").asText()).isEqualTo("vulnerabilityOpenPgpKey");

            // The console's form shows the refusal next to the field, with what was typed kept.
            JsonNode p = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products/" + l.product()))).andReturn());
            MvcResult page = mvc.perform(as(Who.VENDOR_ADMIN, post("/vendor/products/" + l.product()))
                    .param("nameEn", p.get("nameEn").asText()).param("modelNumbers", p.at("/modelNumbers/0").asText())
                    .param("category", p.get("category").asText()).param("ipCapable", "true")
                    .param("vulnerabilityOpenPgpKey", signOnly).param("version", p.get("version").asText()))
                    .andReturn();
            assertThat(page.getResponse().getStatus()).isEqualTo(422);
            assertThat(page.getResponse().getContentAsString()).contains("id=\"vulnerabilityOpenPgpKey-error\"",
                    "BEGIN PGP PUBLIC KEY BLOCK");
        }
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    private CaseFixtures.Labelled labelled(String name) {
        return CaseFixtures.labelled(context, world, name, true, "1.0.0");
    }

    /** PUTs the product with {@code key} and {@code contact}; answers the product, or the problem. */
    private JsonNode saveKeyAndContact(UUID product, String key, String contact, int status) throws Exception {
        MvcResult current = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products/" + product))).andReturn();
        JsonNode p = body(current);
        Map<String, Object> input = new HashMap<>();
        for (String field : List.of("nameEn", "nameJa", "category", "description", "deviceDescription", "ipCapable",
                "supportEndDate", "vulnerabilityDisclosureUrl", "published")) {
            input.put(field, json.treeToValue(p.get(field), Object.class));
        }
        input.put("modelNumbers", json.treeToValue(p.get("modelNumbers"), List.class));
        input.put("vulnerabilityContact", contact);
        input.put("vulnerabilityOpenPgpKey", key);
        MvcResult r = mvc.perform(as(Who.VENDOR_ADMIN, withJson(put("/api/v1/products/" + product), input))
                .header(HttpHeaders.IF_MATCH, current.getResponse().getHeader(HttpHeaders.ETAG))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        return body(r);
    }

    private UUID report(String labelId, String summary, String details) throws Exception {
        String marker = summary.substring(summary.lastIndexOf(' ') + 1);
        Map<String, Object> body = new HashMap<>();
        body.put("summary", summary);
        body.put("details", details);
        body.put("affectedVersion", "1.0.0");
        body.put("reporterName", "Rei Reporter");
        body.put("reporterEmail", "rei-" + marker + "@example.org");
        body.put("consentToContact", true);
        MvcResult r = mvc.perform(withJson(post("/api/v1/labels/" + labelId + "/reports"), body).with(request -> {
            request.setRemoteAddr("198.51.100." + (SOURCES.incrementAndGet() % 250 + 1));
            return request;
        })).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return jdbc.sql("select id from disclosure_case where summary = ?").param(summary).query(UUID.class).single();
    }

    private MimeMessage mailTo(String address) throws Exception {
        WebhookReceiver.eventually(Duration.ofSeconds(20), "a mail to " + address,
                () -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> to(m).equals(address)));
        List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
        assertThat(found).as("one mail to the contact").hasSize(1);
        return found.get(0);
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode routing(UUID caseId, java.util.function.Predicate<JsonNode> done) throws Exception {
        JsonNode[] last = new JsonNode[1];
        WebhookReceiver.eventually(Duration.ofSeconds(20), "the mail's outcome recorded", () -> {
            try {
                MvcResult r = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/cases/" + caseId + "/routing"))).andReturn();
                last[0] = body(r);
                return r.getResponse().getStatus() == 200 && done.test(last[0]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return last[0];
    }

    private String eventData(UUID caseId) {
        return jdbc.sql("select data from notification_event where type = 'case.received' and data like ?")
                .param("%" + caseId + "%").query(String.class).single();
    }

    /** Deliveries of the case's event per subscription, once the dispatcher has fanned it out. */
    private Map<String, Integer> deliveriesOf(UUID caseId) throws InterruptedException {
        WebhookReceiver.eventually(Duration.ofSeconds(20), "the event fanned out", () -> jdbc.sql(
                        "select fanned_out from notification_event where type = 'case.received' and data like ?")
                .param("%" + caseId + "%").query(Boolean.class).single());
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("select d.subscription_id, count(*) from notification_delivery d join notification_event e"
                        + " on e.id = d.event_id where e.type = 'case.received' and e.data like ? group by d.subscription_id")
                .param("%" + caseId + "%")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** An operator's and a vendor's e-mail subscription to the label's case.received events. */
    private record Subscriptions(String operator, String vendor, Runnable ending) {
        void end() {
            ending.run();
        }
    }

    private Subscriptions subscribe(String labelId) throws Exception {
        String operator = subscription(Who.OPERATOR_ADMIN, "operator-" + labelId + "@registry.example", labelId);
        String vendor = subscription(Who.VENDOR_ADMIN, "vendor-" + labelId + "@vendor-a.example", labelId);
        return new Subscriptions(operator, vendor, () -> {
            try {
                mvc.perform(as(Who.OPERATOR_ADMIN, delete("/api/v1/subscriptions/" + operator)));
                mvc.perform(as(Who.OPERATOR_ADMIN, delete("/api/v1/subscriptions/" + vendor)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String subscription(Who who, String email, String labelId) throws Exception {
        MvcResult r = mvc.perform(as(who, withJson(post("/api/v1/subscriptions"), Map.of("channel", "email",
                "email", email, "locale", "en", "labelIds", List.of(labelId), "types", List.of("case.received")))))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return body(r).get("id").asText();
    }

    private static String fingerprintInGpg(GnuPg gpg) throws Exception {
        String colons = gpg.ok(null, "--with-colons", "--fingerprint").outText();
        return Arrays.stream(colons.split("\n")).filter(line -> line.startsWith("fpr:")).findFirst()
                .map(line -> line.split(":")[9]).orElseThrow();
    }
}
