package io.iotseal.cli;

import io.iotseal.probe.survey.nats.WorkerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code iotseal probe worker}: one survey worker; start as many as the campaign needs, on any machines. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs a survey worker until it is stopped: takes work items of every running campaign from",
                "NATS JetStream, probes each address within the campaign's signed-off scope, opt-out list and",
                "global rate, and publishes the observations (ADR 0104). A worker stopped or killed mid-item",
                "loses nothing: the item goes to another worker."})
final class ProbeWorkerCommand implements Callable<Integer> {
    @Option(names = "--nats", required = true, paramLabel = "URL", description = "The NATS server, e.g. nats://127.0.0.1:4222.")
    String nats;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "64",
            description = "Addresses probed at the same time by this worker (default ${DEFAULT-VALUE}); the campaign's rate sets the pace.")
    int parallel;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000",
            description = "Connect/read timeout of every network operation in ms (default ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--banner-wait", paramLabel = "MS", defaultValue = "1000",
            description = "Wait for a service greeting in ms (default ${DEFAULT-VALUE}).")
    long bannerWaitMillis;

    @Option(names = "--name", paramLabel = "NAME", description = "The worker's name in every observation (default host/pid-N).")
    String name;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 4096) {
            throw new UserInputException("--parallel: must be between 1 and 4096, was " + parallel);
        }
        if (timeoutMillis < 1 || timeoutMillis > 60_000) {
            throw new UserInputException("--timeout: must be between 1 and 60000 ms, was " + timeoutMillis);
        }
        if (bannerWaitMillis < 1 || bannerWaitMillis > 60_000) {
            throw new UserInputException("--banner-wait: must be between 1 and 60000 ms, was " + bannerWaitMillis);
        }
        List<String> args = new ArrayList<>(List.of("--nats", SurveyOptions.natsUrl(nats), "--parallel", String.valueOf(parallel),
                "--timeout", String.valueOf(timeoutMillis), "--banner-wait", String.valueOf(bannerWaitMillis)));
        if (name != null) {
            if (name.isBlank() || name.length() > 200) {
                throw new UserInputException("--name: give 1 to 200 characters");
            }
            args.addAll(List.of("--name", name.strip()));
        }
        return WorkerMain.run(args.toArray(String[]::new));
    }
}
