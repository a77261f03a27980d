package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.probe.sim.NatsServerProcess;
import io.iotseal.probe.sim.SimulatedFleet;
import io.iotseal.probe.survey.SurveyScope;
import io.iotseal.probe.survey.nats.CampaignState;
import io.iotseal.probe.survey.nats.Coordinator;
import io.iotseal.probe.survey.nats.ResultsCollector;
import io.iotseal.probe.survey.nats.WorkerMain;
import io.iotseal.probe.survey.nats.WorkerProcesses;
import io.iotseal.probe.survey.registry.RegistryUpload;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's "done when", end to end: a campaign over 10,000 simulated devices runs on three worker processes
 * through NATS JetStream; one worker is killed mid-campaign; the registry receives every device exactly once;
 * and the devices of a labelled product's model that accept the default password are findings on that label
 * for the operator only. Same configuration as {@link RealPortTest}, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SurveyDoneWhenTest {
    private static final int DEVICES = 10_000;
    /** Every 500th device is the labelled model; every 7th accepts admin/admin: 0, 3500 and 7000 are both. */
    private static final int MODEL_EVERY = 500;
    private static final int DEFAULT_EVERY = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tenThousandDevicesOnThreeWorkersOneKilledAndTheLabelledModelsWeakDevicesAreFindingsOnItsLabel() throws Exception {
        World world = World.of(context);
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID product = fixtures.product("Survey camera " + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.now().plusYears(3));
        UUID assessment = fixtures.accepted("de-bsi-label:label", product, "1.0.0").id();
        UUID label = jdbc.sql("select id from label where assessment_id = ?").param(assessment).query(UUID.class).single();
        HttpResponse<String> declared = send(Who.VENDOR_ADMIN, "POST", "/api/v1/products/" + product + "/fingerprints",
                "{\"kind\":\"HTTP_TITLE\",\"matchType\":\"EXACT\",\"value\":\"" + SimulatedFleet.TITLE + "\"}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);

        String campaign = "done-when-" + UUID.randomUUID().toString().substring(0, 8);
        List<InetAddress> addresses = SimulatedFleet.addresses("127.40.0.1", DEVICES);
        try (NatsServerProcess nats = new NatsServerProcess();
             SimulatedFleet fleet = new SimulatedFleet(addresses, 8080, DEFAULT_EVERY, MODEL_EVERY);
             Connection nc = WorkerMain.connect(nats.url());
             Coordinator coordinator = new Coordinator(nc, Duration.ofSeconds(5));
             WorkerProcesses workers = WorkerProcesses.start(3, WorkerMain.class,
                     List.of("--nats", nats.url(), "--parallel", "96"))) {
            SurveyScope scope = scope(campaign, addresses, fleet.port());
            RegistryUpload upload = new RegistryUpload("http://127.0.0.1:" + port, world.token(Who.OPERATOR_ADMIN));
            upload.register(campaign, scope.canonicalJson());

            Instant started = Instant.now();
            coordinator.start(scope, java.util.Optional.empty());
            // The collector uploads while the campaign runs, as `probe campaign start --registry` does.
            AtomicReference<RegistryUpload.Counts> uploaded = new AtomicReference<>(RegistryUpload.Counts.NONE);
            AtomicReference<Throwable> collectorFailure = new AtomicReference<>();
            ResultsCollector collector = new ResultsCollector(nc, campaign, "registry", RegistryUpload.MAX_LINES);
            Thread collecting = Thread.ofPlatform().start(() -> {
                try {
                    collector.collectUntilEnd(batch -> uploaded.getAndUpdate(c -> sum(c, upload.upload(campaign, batch))),
                            Duration.ofMinutes(10));
                } catch (Throwable e) {
                    collectorFailure.set(e);
                }
            });

            long killedAt = awaitObservations(coordinator, campaign, DEVICES / 4);
            workers.get(0).destroyForcibly().waitFor();
            assertThat(coordinator.awaitEnd(campaign, Duration.ofMinutes(10))).isTrue();
            collecting.join(Duration.ofMinutes(5).toMillis());
            assertThat(collectorFailure.get()).isNull();
            System.out.printf("survey done-when: %d devices in %d s, worker 1 killed after %d observations; %s%n",
                    DEVICES, Duration.between(started, Instant.now()).toSeconds(), killedAt, uploaded.get());

            assertThat(coordinator.status(campaign).state()).isEqualTo(CampaignState.DONE);
            // Every device exactly once in the registry: as many rows as devices, each address among them.
            List<String> stored = jdbc.sql("select address from survey_observation where campaign_id = ?")
                    .param(campaign).query(String.class).list();
            assertThat(stored).hasSize(DEVICES).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(addresses.stream().map(InetAddress::getHostAddress).toList());
            assertThat(collector.counts().delivered()).isEqualTo(DEVICES);
            assertThat(uploaded.get().stored()).isEqualTo(DEVICES);
            assertThat(addresses).allSatisfy(a -> assertThat(fleet.connections(a)).as("probed " + a).isPositive());

            // The labelled model's devices are that product's; the weak ones among them are findings on the label.
            assertThat(jdbc.sql("select count(*) from survey_observation where campaign_id = ? and product_id = ?")
                    .params(campaign, product).query(Long.class).single()).isEqualTo(DEVICES / MODEL_EVERY);
            Set<String> weakModelDevices = new TreeSet<>();
            for (int i = 0; i < DEVICES; i++) {
                if (i % MODEL_EVERY == 0 && fleet.acceptsDefault(i)) {
                    weakModelDevices.add(addresses.get(i).getHostAddress());
                }
            }
            assertThat(weakModelDevices).hasSize(3);
            HttpResponse<String> findings = send(Who.OPERATOR_ADMIN, "GET", "/api/v1/labels/" + label + "/survey-findings", null);
            assertThat(findings.statusCode()).as(findings.body()).isEqualTo(200);
            Set<String> defaultPassword = new TreeSet<>();
            Set<String> versionShown = new TreeSet<>();
            for (JsonNode f : items(JSON.readTree(findings.body()))) {
                if (campaign.equals(f.get("campaignId").asText())) {
                    assertThat(f.get("state").asText()).isEqualTo("OPEN");
                    switch (f.get("checkId").asText()) {
                        case "default-credentials" -> defaultPassword.add(f.get("address").asText());
                        // Every device of the model names its web server's version (Server: lighttpd/1.4.59).
                        case "information-disclosure" -> versionShown.add(f.get("address").asText());
                        default -> throw new AssertionError("unexpected finding " + f);
                    }
                }
            }
            assertThat(defaultPassword).isEqualTo(weakModelDevices);
            assertThat(versionShown).hasSize(DEVICES / MODEL_EVERY);
            // Never a public accusation: the vendor's token does not see them, nor does the public label page.
            assertThat(send(Who.VENDOR_ADMIN, "GET", "/api/v1/labels/" + label + "/survey-findings", null).statusCode())
                    .isIn(403, 404);
            String labelId = jdbc.sql("select label_id from label where id = ?").param(label).query(String.class).single();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/l/" + labelId))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).doesNotContain(campaign).doesNotContainIgnoringCase("survey");
        }
    }

    private static RegistryUpload.Counts sum(RegistryUpload.Counts a, RegistryUpload.Counts b) {
        return new RegistryUpload.Counts(a.received() + b.received(), a.stored() + b.stored(),
                a.duplicates() + b.duplicates(), a.matched() + b.matched(), a.labelFindings() + b.labelFindings());
    }

    /** The findings list, whether the API answers with an array or with {"items": [...]}. */
    private static List<JsonNode> items(JsonNode body) {
        JsonNode array = body.isArray() ? body : body.path("items");
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static long awaitObservations(Coordinator coordinator, String campaign, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            long n = coordinator.status(campaign).observations();
            if (n >= atLeast) {
                return n;
            }
            assertThat(System.nanoTime()).as(coordinator.status(campaign).summary()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static SurveyScope scope(String id, List<InetAddress> addresses, int devicePort) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return SurveyScope.parse("""
                format: iotseal-survey-scope/1
                id: %s
                title: Done-when survey of simulated cameras
                blocks: [%s-%s]
                ports: [%d]
                checks: [open-services, default-credentials, information-disclosure]
                credentials:
                  - {username: admin, password: admin}
                rate: 20000
                window: {from: %s, until: %s}
                legalBasis: Simulated devices on this machine's loopback addresses, started by the test itself
                signedOffBy: SurveyDoneWhenTest
                signedOffAt: %s
                blockSize: 256
                """.formatted(id, addresses.getFirst().getHostAddress(), addresses.getLast().getHostAddress(), devicePort,
                now.minus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS), now.minus(2, ChronoUnit.HOURS)), id);
    }

    private HttpResponse<String> send(Who who, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + World.of(context).token(who)).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
