package io.iotseal.probe.survey;

import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.SimulatedHttpDevice;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SurveyProbe against simulated devices on 127.77.0.x loopback addresses (Linux routes all of 127/8 to lo). */
class SurveyProbeTest {
    private static final List<String> CHECKS = List.of("open-services", "default-credentials");

    @Test
    void deviceWithDefaultPasswordFailsAndShowsItsTitle() throws Exception {
        InetAddress device = InetAddress.getByName("127.77.0.10");
        try (var http = new SimulatedHttpDevice(device, SimulatedHttpDevice.Scheme.BASIC, "admin", "admin",
                "lighttpd/1.4.59", Lockout.NONE, null).loginPageTitle("Acme NetCam 200");
             var probe = new SurveyProbe(Scopes.open("127.77.0.0/24", List.of(http.port()), CHECKS),
                     OptOutList.none(), new RateLimiter(0), 4, Clock.systemUTC(), "test/1")) {
            Observation o = probe.observe(device);

            assertThat(o.reached()).isTrue();
            assertThat(o.optedOut()).isFalse();
            assertThat(o.address()).isEqualTo("127.77.0.10");
            assertThat(o.scopeSha256()).isEqualTo(probe.scope().sha256());
            assertThat(o.worker()).isEqualTo("test/1");
            assertThat(o.findings()).anySatisfy(f -> {
                assertThat(f.check()).isEqualTo("default-credentials");
                assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(f.port()).isEqualTo(http.port());
                assertThat(f.summary()).contains("admin:[REDACTED]");
                assertThat(f.requirements()).contains("etsi-en-303-645#5.1-1");
            });
            assertThat(o.fingerprints()).contains(
                    new Fingerprint(Fingerprint.Kind.HTTP_TITLE, http.port(), "Acme NetCam 200"),
                    new Fingerprint(Fingerprint.Kind.HTTP_SERVER, http.port(), "lighttpd/1.4.59"));
            // The password itself appears nowhere in what leaves the worker.
            assertThat(new String(o.toJson(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("admin:admin");
            assertThat(Observation.fromJson(o.toJson())).isEqualTo(o);
            assertThat(SurveySchemas.validate(SurveySchemas.OBSERVATION, o.toJson())).isEmpty();
        }
    }

    @Test
    void manyThreadsObserveAtOnce() throws Exception {
        // The engine calls observe() from many virtual threads; each gets its own device's observation.
        List<InetAddress> devices = new java.util.ArrayList<>();
        List<SimulatedHttpDevice> sims = new java.util.ArrayList<>();
        try {
            int port = -1;
            for (int i = 0; i < 12; i++) {
                InetAddress a = InetAddress.getByName("127.77.2." + (10 + i));
                devices.add(a);
                SimulatedHttpDevice sim = new SimulatedHttpDevice(a, SimulatedHttpDevice.Scheme.BASIC, "admin",
                        i % 2 == 0 ? "admin" : "q7T-vX2m-Lp9k", null, Lockout.NONE, null).loginPageTitle("Cam " + i);
                sims.add(sim);
            }
            // Each simulator has its own port; the scope lists them all, every device is scanned on all.
            List<Integer> ports = sims.stream().map(SimulatedHttpDevice::port).toList();
            try (var probe = new SurveyProbe(Scopes.open("127.77.2.0/24", ports, CHECKS), OptOutList.none(),
                    new RateLimiter(0), 6, Clock.systemUTC(), "test/1",
                    new SurveyTimeouts(java.time.Duration.ofMillis(1500), java.time.Duration.ofMillis(200), 4));
                 var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<Observation>> futures = devices.stream()
                        .map(a -> pool.submit(() -> probe.observe(a))).toList();
                for (int i = 0; i < devices.size(); i++) {
                    Observation o = futures.get(i).get();
                    assertThat(o.address()).isEqualTo(Addresses.text(devices.get(i)));
                    assertThat(o.fingerprints()).contains(new Fingerprint(Fingerprint.Kind.HTTP_TITLE, ports.get(i), "Cam " + i));
                    assertThat(o.failCount()).as(o.findings().toString()).isEqualTo(i % 2 == 0 ? 1 : 0);
                }
            }
        } finally {
            for (SimulatedHttpDevice sim : sims) {
                sim.close();
            }
        }
    }

    @Test
    void optedOutAddressGetsNoPacket() throws Exception {
        InetAddress optedOut = InetAddress.getByName("127.77.0.20");
        InetAddress control = InetAddress.getByName("127.77.0.21");
        try (var quiet = new CountingPort(optedOut); var heard = new CountingPort(control);
             var probe = new SurveyProbe(Scopes.open("127.77.0.0/24", List.of(quiet.port(), heard.port()), CHECKS),
                     OptOutList.of(List.of(AddressRange.parse("127.77.0.16-127.77.0.20"))), new RateLimiter(0), 4,
                     Clock.systemUTC(), "test/1")) {
            Observation o = probe.observe(optedOut);
            probe.observe(control);

            assertThat(o.optedOut()).isTrue();
            assertThat(o.reached()).isFalse();
            assertThat(o.services()).isEmpty();
            assertThat(o.findings()).isEmpty();
            assertThat(o.fingerprints()).isEmpty();
            assertThat(quiet.accepted()).isZero();
            assertThat(heard.accepted()).as("the counter works: the control address was probed").isPositive();
        }
    }

    @Test
    void everyConnectionWaitsForTheSurveysRate() throws Exception {
        // 20 attempts per second: n connections cannot arrive faster than (n - 1) / 20 s, the port scan's included.
        InetAddress address = InetAddress.getByName("127.77.0.40");
        try (var port = new CountingPort(address);
             var probe = new SurveyProbe(Scopes.open("127.77.0.0/24", List.of(port.port()), CHECKS), OptOutList.none(),
                     new RateLimiter(20), 1, Clock.systemUTC(), "test/1")) {
            long started = System.nanoTime();
            probe.observe(address);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(port.accepted()).isGreaterThan(1);
            assertThat(port.accepted() - 1).isLessThanOrEqualTo((int) Math.floor(seconds * 20));
        }
    }

    @Test
    void interruptedCallerSendsNothing() throws Exception {
        InetAddress address = InetAddress.getByName("127.77.0.50");
        try (var port = new CountingPort(address);
             var probe = new SurveyProbe(Scopes.open("127.77.0.0/24", List.of(port.port()), CHECKS), OptOutList.none(),
                     new RateLimiter(0), 1, Clock.systemUTC(), "test/1")) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> probe.observe(address))
                        .isInstanceOf(java.util.concurrent.CancellationException.class);
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
            }
            assertThat(port.accepted()).isZero();
        }
    }

    @Test
    void addressOutsideTheScopeIsRefused() throws Exception {
        try (var probe = new SurveyProbe(Scopes.open("127.77.0.0/24", List.of(80), CHECKS), OptOutList.none(),
                new RateLimiter(0), 1, Clock.systemUTC(), "test/1")) {
            assertThatThrownBy(() -> probe.observe(InetAddress.getByName("127.77.1.1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside scope");
            assertThatThrownBy(() -> probe.observe(InetAddress.getByName("::1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside scope");
        }
    }

    @Test
    void closedWindowRefusesEveryAddress() throws Exception {
        SurveyScope scope = Scopes.open("127.77.0.0/24", List.of(80), CHECKS);
        Clock later = Clock.fixed(scope.window().until().plusSeconds(1), ZoneOffset.UTC);
        try (var probe = new SurveyProbe(scope, OptOutList.none(), new RateLimiter(0), 1, later, "test/1")) {
            assertThatThrownBy(() -> probe.observe(InetAddress.getByName("127.77.0.1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside its window");
        }
        assertThatThrownBy(() -> scope.settings(1, Instant.EPOCH)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the window");
    }

    @Test
    void deviceWithNothingOpenShowsNoServices() throws Exception {
        // Nothing listens on 127.77.0.30: every port refuses, so the device is reached (RSTs answer) but shows
        // nothing; the observation is valid and carries no fingerprints.
        try (var probe = new SurveyProbe(Scopes.open("127.77.0.0/24", List.of(9), CHECKS), OptOutList.none(),
                new RateLimiter(0), 1, Clock.systemUTC(), "test/1")) {
            Observation o = probe.observe(InetAddress.getByName("127.77.0.30"));
            assertThat(o.services()).isEmpty();
            assertThat(o.fingerprints()).isEmpty();
            assertThat(Observation.fromJson(o.toJson())).isEqualTo(o);
        }
    }
}
