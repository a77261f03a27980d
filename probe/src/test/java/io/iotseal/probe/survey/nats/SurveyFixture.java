package io.iotseal.probe.survey.nats;

import io.iotseal.probe.sim.NatsServerProcess;
import io.iotseal.probe.sim.SimulatedFleet;
import io.iotseal.probe.survey.Observation;
import io.iotseal.probe.survey.SurveyScope;
import io.nats.client.Connection;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One survey set-up for a test: its own nats-server, a fleet of simulated devices, a coordinator, and worker
 * JVMs running the production {@link WorkerMain}. Closed in reverse order.
 */
final class SurveyFixture implements AutoCloseable {
    static final int PORT = 8080;
    /** Short, so a killed worker's item comes back within the test's time. */
    static final Duration ACK_WAIT = Duration.ofSeconds(4);

    final NatsServerProcess nats;
    final SimulatedFleet fleet;
    final Connection nc;
    final Coordinator coordinator;
    WorkerProcesses workers;

    SurveyFixture(String firstAddress, int devices, int defaultEvery) throws Exception {
        nats = new NatsServerProcess();
        fleet = new SimulatedFleet(SimulatedFleet.addresses(firstAddress, devices), PORT, defaultEvery);
        nc = WorkerMain.connect(nats.url());
        coordinator = new Coordinator(nc, ACK_WAIT);
    }

    /** A scope over the whole fleet: its one port, the survey's default-credential and disclosure checks. */
    SurveyScope scope(String id, double rate, int blockSize) {
        List<InetAddress> a = fleet.addresses();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String yaml = """
                format: iotseal-survey-scope/1
                id: %s
                title: engine test
                blocks: [%s-%s]
                ports: [%d]
                checks: [open-services, default-credentials, information-disclosure]
                credentials:
                  - {username: admin, password: admin}
                rate: %s
                window: {from: %s, until: %s}
                legalBasis: loopback test devices of the test itself
                signedOffBy: the test
                signedOffAt: %s
                blockSize: %d
                """.formatted(id, a.getFirst().getHostAddress(), a.getLast().getHostAddress(), PORT, rate,
                now.minus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS), now.minus(2, ChronoUnit.HOURS), blockSize);
        return SurveyScope.parse(yaml, "test scope " + id);
    }

    WorkerProcesses startWorkers(int count, int parallel) throws Exception {
        workers = WorkerProcesses.start(count, WorkerMain.class,
                List.of("--nats", nats.url(), "--parallel", Integer.toString(parallel)));
        return workers;
    }

    /** Every observation of the campaign, as a collector hands them over. */
    List<Observation> collect(String campaign, Duration timeout) throws InterruptedException {
        List<Observation> all = Collections.synchronizedList(new ArrayList<>());
        ResultsCollector collector = new ResultsCollector(nc, campaign, "test-collector", 500);
        collector.collectUntilEnd(batch -> batch.forEach(b -> all.add(Observation.fromJson(b))), timeout);
        return all;
    }

    void awaitObservations(String campaign, long atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (coordinator.status(campaign).observations() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + coordinator.status(campaign).summary());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        try (nats; fleet) {
            if (workers != null) {
                workers.close();
            }
            coordinator.close();
            nc.close();
        }
    }
}
