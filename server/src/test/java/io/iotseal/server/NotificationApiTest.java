package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.AccountService;
import io.iotseal.server.account.TokenInput;
import io.iotseal.server.account.UserInput;
import io.iotseal.server.organization.OrganizationInput;
import io.iotseal.server.organization.OrganizationService;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Notifications (issue 13 item 4, ADRs 0081 and 0082): webhooks verified with implementations we did not
 * write (the Standard Webhooks reference library, the CloudEvents SDK), subscriptions' scopes and bad
 * input, retries into dead letters and redelivery, a slow receiver, secret rotation, the outbox's
 * transaction.
 */
class NotificationApiTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private ApplicationContext context;

    private WebhookReceiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void endSubscriptions() {
        for (String id : subscriptions) {
            mvc(as(Who.OPERATOR_ADMIN, delete("/api/v1/subscriptions/" + id)));
        }
        receiver.close();
    }

    private record Labelled(UUID id, String labelId) {
    }

    /** A vendor A product (published or not) with an accepted ★1 assessment, and its label. */
    private Labelled label(boolean published) {
        String name = "Notify Cam " + UUID.randomUUID().toString().substring(0, 8);
        Actor operator = new Actor(UUID.randomUUID(), "notify-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        ProductService products = context.getBean(ProductService.class);
        UUID product = products.create(operator, World.product(world.vendorA, name, published, LocalDate.of(2030, 12, 31))).id();
        products.addVersion(operator, product, new VersionInput("1.0.0", null, null));
        var accepted = new AssessmentFixtures(context, world).accepted("jc-star:star-1", product, "1.0.0");
        return jdbc.sql("select id, label_id from label where assessment_id = ?").param(accepted.id())
                .query((rs, n) -> new Labelled(rs.getObject(1, UUID.class), rs.getString(2))).single();
    }

    private MvcResult mvc(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode subscribe(String token, Map<String, Object> input, int status) throws Exception {
        MvcResult r = mvc.perform(withJson(post("/api/v1/subscriptions"), input)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        JsonNode body = body(r);
        if (status == 201) {
            subscriptions.add(body.get("id").asText());
        }
        return body;
    }

    private JsonNode subscribe(Who who, Map<String, Object> input, int status) throws Exception {
        return subscribe(world.token(who), input, status);
    }

    private Map<String, Object> webhook(String path, Object... filters) {
        Map<String, Object> m = new HashMap<>();
        m.put("channel", "webhook");
        m.put("url", receiver.url(path));
        for (int i = 0; i < filters.length; i += 2) {
            m.put((String) filters[i], filters[i + 1]);
        }
        return m;
    }

    private void changeStatus(Labelled label, String action) throws Exception {
        long version = jdbc.sql("select version from label where id = ?").param(label.id()).query(Long.class).single();
        MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labels/" + label.id() + "/status"),
                Map.of("action", action, "reason", "Notification test"))).header(HttpHeaders.IF_MATCH, "\"" + version + "\""))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    }

    private static Map<String, List<String>> headers(WebhookReceiver.Received r) {
        return r.headers();
    }

    @Test
    void aSuspensionReachesTheVendorsWebhookSignedPerStandardWebhooksAsACloudEvent() throws Exception {
        Labelled label = label(true);
        JsonNode sub = subscribe(Who.VENDOR_ADMIN, webhook("/vendor", "types", List.of("label.suspended"),
                "labelIds", List.of(label.labelId())), 201);
        String secret = sub.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(sub.get("scope").asText()).isEqualTo("vendor");
        // The secret is shown once: reading the subscription again does not show it.
        assertThat(body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/subscriptions/" + sub.get("id").asText())))
                .andReturn()).get("secret").isNull()).isTrue();

        changeStatus(label, "suspend");

        WebhookReceiver.Received r = receiver.await(x -> x.body().contains(label.labelId()), 1, WAIT).get(0);
        // The Standard Webhooks reference library verifies the signature (and the timestamp's freshness).
        new Webhook(secret).verify(r.body(), headers(r));
        assertThatThrownBy(() -> new Webhook(secret).verify(r.body().replace("suspended", "reinstated"), headers(r)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WebhookSecretsForTest.other()).verify(r.body(), headers(r)))
                .isInstanceOf(WebhookVerificationException.class);
        // The CloudEvents SDK reads the body as a structured-mode JSON event.
        assertThat(r.header("content-type")).startsWith("application/cloudevents+json");
        CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo("io.iotseal.label.suspended");
        assertThat(event.getId()).isEqualTo(r.header("webhook-id"));
        assertThat(event.getSubject()).isEqualTo(label.labelId());
        assertThat(event.getSource().toString()).isEqualTo("https://registry.example");
        assertThat(event.getTime()).isNotNull();
        JsonNode data = json.readTree(event.getData().toBytes());
        assertThat(data.get("status").asText()).isEqualTo("suspended");
        assertThat(data.get("reason").asText()).isEqualTo("Notification test");
        assertThat(data.get("vendorId").asText()).isEqualTo(world.vendorA.toString());
        // The event is the outbox row written with the change: its id is the row's.
        assertThat(jdbc.sql("select count(*) from notification_event where id = ? and type = 'label.suspended'")
                .param(UUID.fromString(event.getId())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChangeThatFailsRecordsNoEventAndTheIssueRecordsOne() throws Exception {
        Labelled label = label(false);
        assertThat(events(label, "label.issued")).isEqualTo(1);
        // A status change refused for a stale If-Match rolls back: no event either.
        MvcResult stale = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labels/" + label.id() + "/status"),
                Map.of("action", "suspend", "reason", "stale"))).header(HttpHeaders.IF_MATCH, "\"999\"")).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        assertThat(events(label, "label.suspended")).isZero();
        // The unpublished product's events are not public.
        assertThat(jdbc.sql("select public_event from notification_event where label_id = ?").param(label.labelId())
                .query(Boolean.class).list()).containsOnly(false);
        // The assessment's state changes were recorded for its vendor (submit, accept).
        assertThat(jdbc.sql("select count(*) from notification_event e join label l on l.assessment_id = cast(e.subject as uuid)"
                + " where l.id = ? and e.type = 'assessment.state-changed'").param(label.id()).query(Long.class).single())
                .isEqualTo(2);
    }

    private long events(Labelled label, String type) {
        return jdbc.sql("select count(*) from notification_event where label_id = ? and type = ?")
                .params(label.labelId(), type).query(Long.class).single();
    }

    @Test
    void aSubscriberFollowsPublicEventsOfChosenLabelsOnlyAndOtherVendorsSeeNothing() throws Exception {
        String retailer = subscriberToken();
        Labelled shown = label(true);
        Labelled hidden = label(false);
        // Only public labels, only label events, and something chosen.
        assertThat(fields(subscribe(retailer, webhook("/r", "labelIds", List.of(hidden.labelId())), 400))).isEqualTo("labelIds[0]");
        assertThat(fields(subscribe(retailer, webhook("/r"), 400))).isEqualTo("labelIds");
        assertThat(fields(subscribe(retailer, webhook("/r", "labelIds", List.of(shown.labelId()),
                "types", List.of("assessment.state-changed")), 400))).isEqualTo("types");
        JsonNode sub = subscribe(retailer, webhook("/retailer", "labelIds", List.of(shown.labelId())), 201);
        assertThat(sub.get("scope").asText()).isEqualTo("public");
        JsonNode other = subscribe(Who.OTHER_VENDOR_ADMIN, webhook("/other"), 201);

        changeStatus(shown, "suspend");
        changeStatus(shown, "reinstate");
        List<WebhookReceiver.Received> got = receiver.await(r -> r.body().contains(shown.labelId()), 2, WAIT);
        assertThat(got).allMatch(r -> new Verifies(sub.get("secret").asText()).test(r));
        assertThat(got.stream().map(r -> r.body().contains("io.iotseal.label.suspended") ? "suspended" : "reinstated"))
                .containsExactlyInAnyOrder("suspended", "reinstated");
        // Once the events are fanned out, vendor B's subscription has no delivery of vendor A's label.
        WebhookReceiver.eventually(WAIT, "events fanned out", () -> jdbc.sql("select count(*) from notification_event"
                + " where label_id = ? and not fanned_out").param(shown.labelId()).query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from notification_delivery where subscription_id = ?")
                .param(UUID.fromString(other.get("id").asText())).query(Long.class).single()).isZero();
        // Subscribers see their own subscriptions only; a vendor does not see theirs.
        assertThat(body(mvc.perform(get("/api/v1/subscriptions").header(HttpHeaders.AUTHORIZATION, "Bearer " + retailer))
                .andReturn()).get("items").findValuesAsText("id")).containsExactly(sub.get("id").asText());
        assertThat(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/subscriptions/" + sub.get("id").asText())))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** A retailer organization with a subscriber and an API token for them. */
    private String subscriberToken() {
        Actor admin = new Actor(UUID.randomUUID(), "notify-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        String n = UUID.randomUUID().toString().substring(0, 8);
        UUID org = context.getBean(OrganizationService.class).create(admin,
                new OrganizationInput(OrganizationKind.SUBSCRIBER, "Retailer " + n, null, "GB")).id();
        AccountService accounts = context.getBean(AccountService.class);
        UUID user = accounts.create(admin, new UserInput("retailer-" + n, "Retailer " + n, null, null,
                List.of(new Membership(org, Role.SUBSCRIBER)))).id();
        Actor subscriber = new Actor(user, "retailer-" + n, context.getBean(AccountRepository.class).memberships(user));
        return accounts.createToken(subscriber, new TokenInput("webhooks", 30)).token();
    }

    @Test
    void badSubscriptionsAre400NamingTheField() throws Exception {
        for (String url : List.of("http://example.com/hook", "http://10.0.0.1/hook", "ftp://127.0.0.1/x", "https://",
                "hook", "https://user:pw@example.com/x", "http://127.0.0.1.example.com/x")) {
            assertThat(fields(subscribe(Who.VENDOR_ADMIN, Map.of("channel", "webhook", "url", url), 400)))
                    .as(url).isEqualTo("url");
        }
        assertThat(fields(subscribe(Who.VENDOR_ADMIN, Map.of("channel", "sms", "url", "https://a.example"), 400)))
                .isEqualTo("channel");
        assertThat(fields(subscribe(Who.VENDOR_ADMIN, webhook("/x", "types", List.of("label.nope")), 400))).isEqualTo("types");
        assertThat(fields(subscribe(Who.VENDOR_ADMIN, webhook("/x", "vendorIds", List.of(world.vendorB)), 400)))
                .isEqualTo("vendorIds[0]");
        assertThat(fields(subscribe(Who.VENDOR_ADMIN, webhook("/x", "labelIds", List.of("not-a-label")), 400)))
                .isEqualTo("labelIds[0]");
        assertThat(fields(subscribe(Who.VENDOR_ADMIN, Map.of("channel", "email", "email", "not an address"), 400)))
                .isEqualTo("email");
        // No mail server is configured in this context: an e-mail subscription cannot be served.
        assertThat(fields(subscribe(Who.VENDOR_ADMIN, Map.of("channel", "email", "email", "psirt@example.com"), 422)))
                .isEqualTo("channel");
        // https anywhere and http to loopback are accepted.
        subscribe(Who.VENDOR_ADMIN, Map.of("channel", "webhook", "url", "https://hooks.example.com/iotseal"), 201);
        subscribe(Who.VENDOR_ADMIN, Map.of("channel", "webhook", "url", "http://[::1]:9/x"), 201);
        subscribe(Who.VENDOR_ADMIN, Map.of("channel", "webhook", "url", "http://localhost:9/x"), 201);
    }

    private static String fields(JsonNode problem) {
        StringBuilder names = new StringBuilder();
        problem.path("errors").forEach(e -> names.append(names.isEmpty() ? "" : ",").append(e.get("field").asText()));
        return names.toString();
    }

    @Test
    void aFailingReceiverIsRetriedThenDeadLetteredAndTheOperatorRedelivers() throws Exception {
        receiver.status = 500;
        Labelled label = label(true);
        JsonNode sub = subscribe(Who.VENDOR_ADMIN, webhook("/failing", "labelIds", List.of(label.labelId()),
                "types", List.of("label.suspended")), 201);
        changeStatus(label, "suspend");
        // max-attempts is 3 in the tests: three attempts, all with the same webhook-id, then DEAD.
        List<WebhookReceiver.Received> attempts = receiver.await(r -> r.body().contains(label.labelId()), 3, WAIT);
        assertThat(attempts.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
        UUID delivery = jdbc.sql("select id from notification_delivery where subscription_id = ?")
                .param(UUID.fromString(sub.get("id").asText())).query(UUID.class).single();
        WebhookReceiver.eventually(WAIT, "dead-lettered", () -> "DEAD".equals(state(delivery)));

        JsonNode dead = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/subscriptions/dead-letters").param("size", "100")))
                .andReturn());
        JsonNode mine = null;
        for (JsonNode d : dead.get("items")) {
            if (d.get("id").asText().equals(delivery.toString())) {
                mine = d;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("attempts").asInt()).isEqualTo(3);
        assertThat(mine.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(mine.get("eventType").asText()).isEqualTo("label.suspended");

        receiver.status = 204;
        MvcResult again = mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/subscriptions/dead-letters/" + delivery + "/redelivery")))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        WebhookReceiver.eventually(WAIT, "redelivered", () -> "DELIVERED".equals(state(delivery)));
        assertThat(receiver.received().stream().filter(r -> r.body().contains(label.labelId()))
                .map(r -> r.header("webhook-id")).distinct()).hasSize(1);
        // Only a dead delivery is redelivered.
        MvcResult twice = mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/subscriptions/dead-letters/" + delivery + "/redelivery")))
                .andReturn();
        assertThat(twice.getResponse().getStatus()).isEqualTo(409);
        assertThat(twice.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private String state(UUID delivery) {
        return jdbc.sql("select state from notification_delivery where id = ?").param(delivery).query(String.class).single();
    }

    @Test
    void aReceiverThatHangsNeverHoldsUpTheChangeThatCausedTheEvent() throws Exception {
        Labelled label = label(true);
        JsonNode sub = subscribe(Who.VENDOR_ADMIN, webhook("/slow", "labelIds", List.of(label.labelId())), 201);
        receiver.hold();
        changeStatus(label, "suspend");
        WebhookReceiver.eventually(WAIT, "the receiver holds a delivery", () -> receiver.waiting() > 0);
        // The receiver is still holding the first delivery; the next change commits regardless.
        changeStatus(label, "reinstate");
        assertThat(receiver.waiting()).isPositive();
        assertThat(events(label, "label.reinstated")).isEqualTo(1);
        receiver.release();
        List<WebhookReceiver.Received> got = receiver.await(r -> r.body().contains(label.labelId()), 2, WAIT);
        assertThat(got).allMatch(r -> new Verifies(sub.get("secret").asText()).test(r));
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneDuringTheGracePeriod() throws Exception {
        Labelled label = label(true);
        JsonNode sub = subscribe(Who.VENDOR_ADMIN, webhook("/rotating", "labelIds", List.of(label.labelId())), 201);
        String id = sub.get("id").asText();
        String old = sub.get("secret").asText();
        MvcResult noMatch = mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/subscriptions/" + id + "/secret"))).andReturn();
        assertThat(noMatch.getResponse().getStatus()).isEqualTo(428);
        MvcResult rotated = mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/subscriptions/" + id + "/secret"))
                .header(HttpHeaders.IF_MATCH, "\"1\"")).andReturn();
        assertThat(rotated.getResponse().getStatus()).isEqualTo(200);
        String fresh = body(rotated).get("secret").asText();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(body(rotated).get("previousSecretValidUntil").isNull()).isFalse();

        changeStatus(label, "suspend");
        // This subscription's delivery: other tests' subscriptions (a vendor's whole organization, say) may
        // deliver the same event to the same receiver, signed with their own secrets.
        WebhookReceiver.Received r = receiver.await(x -> x.body().contains(label.labelId())
                && new Verifies(fresh).test(x), 1, WAIT).get(0);
        assertThat(r.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(fresh).verify(r.body(), headers(r));
        new Webhook(old).verify(r.body(), headers(r));
    }

    /** Whether a received webhook verifies with the secret, by the reference library. */
    private record Verifies(String secret) implements java.util.function.Predicate<WebhookReceiver.Received> {
        @Override
        public boolean test(WebhookReceiver.Received r) {
            try {
                new Webhook(secret).verify(r.body(), r.headers());
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }
    }

    /** A secret nobody subscribed with. */
    private static final class WebhookSecretsForTest {
        static String other() {
            return "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        }
    }
}
