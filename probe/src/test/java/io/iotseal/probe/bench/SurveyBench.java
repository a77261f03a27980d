package io.iotseal.probe.bench;

import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.sim.NatsServerProcess;
import io.iotseal.probe.sim.SimulatedFleet;
import io.iotseal.probe.survey.SurveyScope;
import io.iotseal.probe.survey.nats.AddressObserver;
import io.iotseal.probe.survey.nats.CampaignStatus;
import io.iotseal.probe.survey.nats.Coordinator;
import io.iotseal.probe.survey.nats.ProbeBackend;
import io.iotseal.probe.survey.nats.ScopeView;
import io.iotseal.probe.survey.nats.SurveyBackend;
import io.iotseal.probe.survey.nats.Worker;
import io.iotseal.probe.survey.nats.WorkerMain;
import io.iotseal.probe.survey.nats.WorkerProcesses;
import io.nats.client.Connection;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Survey engine figures for probe/bench/survey-bench.sh (ADR 0104), against simulated devices on loopback only.
 * Not a test: nothing is asserted. In one run, with its own nats-server:
 * <ol>
 *   <li>devices/s of the full survey probe over DEVICES simulated devices with 1, 2 and 3 worker processes,
 *       one campaign each, rate high enough not to be the bottleneck;</li>
 *   <li>the coordinator's cost to cut and publish a work item (a /12 of 4,096 items, no worker);</li>
 *   <li>the per-item NATS cost with a no-op observer (one worker process: fetch, 256 publications, their acks,
 *       the item's ack), over a /16 of 256 items.</li>
 * </ol>
 * Usage: {@code SurveyBench DEVICES PARALLEL WORKERS...}, e.g. {@code SurveyBench 10000 256 1 2 3}.
 * {@code SurveyBench noop-worker --nats URL --name N} is the no-op worker process it starts itself.
 */
public final class SurveyBench {
    private SurveyBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("noop-worker")) {
            noopWorker(args[2], args[4]);
            return;
        }
        int devices = Integer.parseInt(args[0]);
        int parallel = Integer.parseInt(args[1]);
        List<Integer> workerCounts = Arrays.stream(args).skip(2).map(Integer::parseInt).toList();
        try (NatsServerProcess nats = new NatsServerProcess();
             SimulatedFleet fleet = new SimulatedFleet(SimulatedFleet.addresses("127.30.0.1", devices), 8080, 7)) {
            Connection nc = WorkerMain.connect(nats.url());
            try (Coordinator coordinator = new Coordinator(nc, Coordinator.ACK_WAIT)) {
                for (int workers : workerCounts) {
                    survey(nats, fleet, coordinator, workers, parallel);
                }
                split(coordinator);
                noop(nats, coordinator);
            }
            nc.close();
        }
        System.exit(0);
    }

    private static void survey(NatsServerProcess nats, SimulatedFleet fleet, Coordinator coordinator, int workers,
                               int parallel) throws Exception {
        String id = "bench-" + workers + "-workers";
        List<InetAddress> a = fleet.addresses();
        SurveyScope scope = scope(id, a.getFirst().getHostAddress() + "-" + a.getLast().getHostAddress(), 50_000);
        try (WorkerProcesses processes = WorkerProcesses.start(workers, WorkerMain.class,
                List.of("--nats", nats.url(), "--parallel", Integer.toString(parallel)))) {
            Thread.sleep(3000); // the JVMs start and look for campaigns
            int before = fleet.acceptTimes().length;
            long started = System.nanoTime();
            coordinator.start(scope, Optional.empty());
            if (!coordinator.awaitEnd(id, Duration.ofMinutes(20))) {
                throw new IllegalStateException("not done: " + coordinator.status(id).summary());
            }
            double wall = (System.nanoTime() - started) / 1e9;
            long[] t = fleet.acceptTimes();
            double probing = (t[t.length - 1] - t[before]) / 1e9;
            CampaignStatus s = coordinator.status(id);
            System.out.printf("survey workers=%d parallel=%d devices=%d observations=%d connections=%d "
                            + "probing_s=%.1f wall_s=%.1f devices_per_s=%.1f%n", workers, parallel, a.size(),
                    s.observations(), t.length - before, probing, wall, a.size() / probing);
        }
    }

    /** The coordinator's own cost per item: cut a /12 into 4,096 items and publish them (nobody takes them). */
    private static void split(Coordinator coordinator) {
        SurveyScope scope = scope("bench-split", "127.64.0.0/12", 1000);
        long started = System.nanoTime();
        CampaignStatus s = coordinator.start(scope, Optional.empty());
        double seconds = (System.nanoTime() - started) / 1e9;
        coordinator.cancel("bench-split");
        System.out.printf("split+publish items=%d addresses=%d seconds=%.2f ms_per_item=%.3f items_per_s=%.0f%n",
                s.itemsPublished(), s.addresses(), seconds, seconds * 1000 / s.itemsPublished(),
                s.itemsPublished() / seconds);
    }

    /** The engine's per-item cost without probing: a /16 through one no-op worker process. */
    private static void noop(NatsServerProcess nats, Coordinator coordinator) throws Exception {
        String id = "bench-noop";
        SurveyScope scope = scope(id, "127.96.0.0/16", 1000);
        try (WorkerProcesses processes = WorkerProcesses.start(1, SurveyBench.class,
                List.of("noop-worker", "--nats", nats.url()))) {
            Thread.sleep(3000);
            long started = System.nanoTime();
            CampaignStatus s0 = coordinator.start(scope, Optional.empty());
            if (!coordinator.awaitEnd(id, Duration.ofMinutes(10))) {
                throw new IllegalStateException("not done: " + coordinator.status(id).summary());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            CampaignStatus s = coordinator.status(id);
            System.out.printf("noop items=%d observations=%d seconds=%.2f ms_per_item=%.2f observations_per_s=%.0f"
                            + " (includes up to 1 s of the coordinator's done check)%n", s0.items(), s.observations(),
                    seconds, seconds * 1000 / s0.items(), s.observations() / seconds);
        }
    }

    private static void noopWorker(String url, String name) throws Exception {
        Connection nc = WorkerMain.connect(url);
        ProbeBackend real = new ProbeBackend(Clock.systemUTC());
        SurveyBackend noop = new SurveyBackend() {
            @Override
            public ScopeView scope(byte[] canonicalJson) {
                return real.scope(canonicalJson);
            }

            @Override
            public AddressObserver observer(ScopeView scope, byte[] optOut, RateLimiter limiter, int parallel,
                                            String worker) {
                // No packet, no permit: a fixed-size line so the figure is NATS's alone.
                return address -> ("{\"campaign\":\"" + scope.id() + "\",\"address\":\"" + address.getHostAddress()
                        + "\",\"reached\":false,\"worker\":\"" + worker + "\"}").getBytes(StandardCharsets.UTF_8);
            }
        };
        new Worker(nc, noop, 256, name, Clock.systemUTC()).run();
    }

    private static SurveyScope scope(String id, String block, double rate) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return SurveyScope.parse("""
                format: iotseal-survey-scope/1
                id: %s
                title: survey engine benchmark
                blocks: [%s]
                ports: [8080]
                checks: [open-services, default-credentials, information-disclosure]
                credentials:
                  - {username: admin, password: admin}
                rate: %s
                window: {from: %s, until: %s}
                legalBasis: loopback devices simulated by the benchmark itself
                signedOffBy: the benchmark
                signedOffAt: %s
                blockSize: 256
                """.formatted(id, block, rate, now.minus(1, ChronoUnit.HOURS), now.plus(6, ChronoUnit.HOURS),
                now.minus(2, ChronoUnit.HOURS)), "bench scope " + id);
    }
}
