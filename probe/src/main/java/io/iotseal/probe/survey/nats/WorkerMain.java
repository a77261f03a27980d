package io.iotseal.probe.survey.nats;

import io.iotseal.probe.survey.SurveyTimeouts;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code iotseal probe worker --nats URL [--parallel N] [--name NAME] [--timeout MS] [--banner-wait MS]}: a survey
 * worker process that serves every running campaign on the NATS server until it is stopped. The waits default to
 * {@link SurveyTimeouts#DEFAULT} (Internet devices). The CLI calls {@link #run(String[])}.
 */
public final class WorkerMain {
    /** Addresses probed at the same time by default: the global permits, not this, set the pace. */
    public static final int PARALLEL = 64;
    private static final String USAGE =
            "usage: worker --nats URL [--parallel N] [--name NAME] [--timeout MS] [--banner-wait MS]";

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs a worker until the process is stopped; 2 for bad arguments. */
    public static int run(String[] args) throws Exception {
        String url = null;
        int parallel = PARALLEL;
        String name = defaultName();
        Duration timeout = SurveyTimeouts.DEFAULT.timeout();
        Duration bannerWait = SurveyTimeouts.DEFAULT.bannerWait();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nats" -> url = args[++i];
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--name" -> name = args[++i];
                case "--timeout" -> timeout = Duration.ofMillis(Long.parseLong(args[++i]));
                case "--banner-wait" -> bannerWait = Duration.ofMillis(Long.parseLong(args[++i]));
                default -> {
                    System.err.println(USAGE + "; unknown: " + args[i]);
                    return 2;
                }
            }
        }
        if (url == null || parallel < 1) {
            System.err.println(USAGE);
            return 2;
        }
        SurveyTimeouts timeouts;
        try {
            timeouts = new SurveyTimeouts(timeout, bannerWait, SurveyTimeouts.DEFAULT.maxConnectionsPerTarget());
        } catch (IllegalArgumentException e) {
            System.err.println("worker: " + e.getMessage());
            return 2;
        }
        Connection nc = connect(url);
        try (Worker worker = new Worker(nc, new ProbeBackend(Clock.systemUTC(), timeouts), parallel, name,
                Clock.systemUTC())) {
            Runtime.getRuntime().addShutdownHook(new Thread(worker::stop));
            worker.run();
        } finally {
            nc.close();
        }
        return 0;
    }

    /** A connection that keeps reconnecting: a worker outlives a NATS restart (its items wait in JetStream). */
    public static Connection connect(String url) throws IOException, InterruptedException {
        return Nats.connect(Options.builder().server(url).connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1).reconnectWait(Duration.ofMillis(500)).build());
    }

    /** host/pid-N, as the observation format's {@code worker}. */
    static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + "/pid-" + ProcessHandle.current().pid();
    }
}
