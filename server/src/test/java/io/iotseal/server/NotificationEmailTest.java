package io.iotseal.server;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The e-mail channel (ADR 0081) against GreenMail, an in-process SMTP server on the loopback interface:
 * a suspension reaches a Japanese and an English subscription, each in its language.
 */
class NotificationEmailTest extends ApiTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    private ApplicationContext context;

    @Test
    void aSuspensionIsMailedInEachSubscriptionsLanguage() throws Exception {
        String name = "Mail Cam " + UUID.randomUUID().toString().substring(0, 8);
        Actor operator = new Actor(UUID.randomUUID(), "mail-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        ProductService products = context.getBean(ProductService.class);
        UUID product = products.create(operator, World.product(world.vendorA, name, true, LocalDate.of(2030, 12, 31))).id();
        products.addVersion(operator, product, new VersionInput("1.0.0", null, null));
        var accepted = new AssessmentFixtures(context, world).accepted("jc-star:star-1", product, "1.0.0");
        UUID label = jdbc.sql("select id from label where assessment_id = ?").param(accepted.id()).query(UUID.class).single();
        String labelId = jdbc.sql("select label_id from label where id = ?").param(label).query(String.class).single();

        String ja = subscribe("psirt-ja@vendor-a.example", "ja", labelId);
        String en = subscribe("psirt-en@vendor-a.example", "en", labelId);
        try {
            MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labels/" + label + "/status"),
                    Map.of("action", "suspend", "reason", "Vulnerability under investigation")))
                    .header(HttpHeaders.IF_MATCH, "\"1\"")).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(200);

            WebhookReceiver.eventually(Duration.ofSeconds(20), "two mails", () -> Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> GreenMailUtil.getBody(m).contains(labelId) || subject(m).contains(labelId)).count() >= 2);
            MimeMessage toJa = only("psirt-ja@vendor-a.example", labelId);
            MimeMessage toEn = only("psirt-en@vendor-a.example", labelId);
            assertThat(subject(toJa)).isEqualTo("[IoTSeal] ラベル " + labelId + " が一時停止されました");
            assertThat(subject(toEn)).isEqualTo("[IoTSeal] Label " + labelId + " suspended");
            String jaBody = (String) toJa.getContent();
            assertThat(jaBody).contains("製品：" + name, "状態：suspended", "Vulnerability under investigation",
                    "https://registry.example/l/" + labelId, "購読 " + ja);
            assertThat((String) toEn.getContent()).contains("Product: " + name, "Vendor: Vendor A", "subscription " + en);
        } finally {
            mvc.perform(as(Who.OPERATOR_ADMIN, delete("/api/v1/subscriptions/" + ja)));
            mvc.perform(as(Who.OPERATOR_ADMIN, delete("/api/v1/subscriptions/" + en)));
        }
    }

    private String subscribe(String email, String locale, String labelId) throws Exception {
        MvcResult r = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/subscriptions"), Map.of("channel", "email",
                "email", email, "locale", locale, "labelIds", List.of(labelId), "types", List.of("label.suspended")))))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(r).get("secret").isNull()).isTrue();
        return body(r).get("id").asText();
    }

    private MimeMessage only(String to, String labelId) throws Exception {
        List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && subject(m).contains(labelId);
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
