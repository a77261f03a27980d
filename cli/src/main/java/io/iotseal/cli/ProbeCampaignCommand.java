package io.iotseal.cli;

import io.iotseal.probe.survey.SurveyScope;
import io.iotseal.probe.survey.nats.CampaignState;
import io.iotseal.probe.survey.nats.CampaignStatus;
import io.iotseal.probe.survey.nats.Coordinator;
import io.iotseal.probe.survey.nats.ResultsCollector;
import io.iotseal.probe.survey.registry.RegistryUpload;
import io.nats.client.Connection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code iotseal probe campaign}: a survey over a signed-off scope, run by any number of workers through NATS
 * JetStream (docs/surveys.md, ADR 0104). The logic lives in the probe module.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Survey campaigns on NATS JetStream: start one from a signed-off scope file, steer it, and send",
                "its observations to a registry or a file."},
        subcommands = {ProbeCampaignCommand.Start.class, ProbeCampaignCommand.Serve.class,
                ProbeCampaignCommand.Status.class, ProbeCampaignCommand.Pause.class, ProbeCampaignCommand.Resume.class,
                ProbeCampaignCommand.Cancel.class, ProbeCampaignCommand.Collect.class})
final class ProbeCampaignCommand implements Runnable {
    /** The campaign was cancelled before every item was done. */
    static final int EXIT_CANCELLED = 6;

    @Override
    public void run() {
        throw new UserInputException("campaign: name a subcommand (start, serve, status, pause, resume, cancel, collect)");
    }

    /** Where the observations go while the coordinator runs, or with {@code collect}. */
    static final class Destination {
        @Option(names = "--registry", paramLabel = "URL",
                description = "Upload the observations to this registry (https; http only to this machine).")
        String registry;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "File with an operator admin's API token for --registry (or set IOTSEAL_TOKEN).")
        Path tokenFile;

        @Option(names = "--out", paramLabel = "FILE", description = "Append the observations to FILE, one JSON line each.")
        Path out;

        boolean any() {
            return registry != null || out != null;
        }

        /** The sink of the observations: the registry upload, the file, or both. */
        Consumer<List<byte[]>> sink(String campaign, byte[] scopeJson) {
            Optional<RegistryUpload> upload = Optional.empty();
            if (registry != null) {
                RegistryUpload u;
                try {
                    u = new RegistryUpload(registry, SurveyOptions.token(tokenFile));
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--" + e.getMessage());
                }
                u.register(campaign, scopeJson);
                upload = Optional.of(u);
            }
            Optional<RegistryUpload> registryUpload = upload;
            return batch -> {
                out(batch);
                registryUpload.ifPresent(u -> {
                    RegistryUpload.Counts c = u.upload(campaign, batch);
                    System.err.printf("registry: %d received, %d stored, %d duplicates, %d matched a product, "
                            + "%d findings on labels%n", c.received(), c.stored(), c.duplicates(), c.matched(), c.labelFindings());
                });
            };
        }

        private void out(List<byte[]> batch) {
            if (out == null) {
                return;
            }
            try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (byte[] line : batch) {
                    o.write(line);
                    o.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("--out: cannot write " + out, e);
            }
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Starts a campaign from its signed-off scope and coordinates it until every work item is",
                    "done or it is cancelled: keep it running (workers wait for its permits). Started again with",
                    "the same scope, it goes on where it stopped."})
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nats", required = true, paramLabel = "URL", description = "The NATS server, e.g. nats://127.0.0.1:4222.")
        String nats;

        @Option(names = "--scope", required = true, paramLabel = "FILE",
                description = "The signed-off scope (iotseal-survey-scope/1, YAML or JSON; docs/surveys.md).")
        Path scope;

        @Option(names = "--opt-out", paramLabel = "FILE",
                description = "Addresses, ranges or CIDR blocks whose owners opted out, one a line; never sent a packet.")
        Path optOut;

        @Mixin
        Destination destination;

        @Override
        public Integer call() throws InterruptedException {
            SurveyScope surveyScope = readScope(scope);
            try (Connection nc = SurveyOptions.connect(nats); Coordinator coordinator = new Coordinator(nc, Coordinator.ACK_WAIT)) {
                CampaignStatus started = coordinator.start(surveyScope, Optional.ofNullable(optOut));
                System.err.println("started: " + started.summary());
                return follow(spec.commandLine().getOut(), nc, coordinator, surveyScope.id(), surveyScope.canonicalJson(), destination);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Coordinates a started campaign again, e.g. after the coordinator's machine restarted.")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nats", required = true, paramLabel = "URL", description = "The NATS server.")
        String nats;

        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign id.")
        String campaign;

        @Mixin
        Destination destination;

        @Override
        public Integer call() throws InterruptedException {
            try (Connection nc = SurveyOptions.connect(nats); Coordinator coordinator = new Coordinator(nc, Coordinator.ACK_WAIT)) {
                coordinator.serve(known(coordinator, campaign));
                return follow(spec.commandLine().getOut(), nc, coordinator, campaign, null, destination);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
    }

    /**
     * Prints progress every few seconds until the campaign ends, collecting into the destination meanwhile when
     * one is given (on a thread of its own, so a slow registry never holds up the permits).
     */
    static int follow(java.io.PrintWriter out, Connection nc, Coordinator coordinator, String campaign, byte[] scopeJson, Destination destination)
            throws InterruptedException {
        Thread collector = null;
        RuntimeException[] collectorFailure = new RuntimeException[1];
        if (destination.any()) {
            if (scopeJson == null && destination.registry != null) {
                throw new UserInputException("--registry: upload with `campaign collect` or `campaign start`, which know the scope");
            }
            Consumer<List<byte[]>> sink = destination.sink(campaign, scopeJson);
            collector = Thread.ofPlatform().name("survey-collector").start(() -> {
                try {
                    ResultsCollector.Counts c = new ResultsCollector(nc, campaign, "iotseal-cli", RegistryUpload.MAX_LINES)
                            .collectUntilEnd(sink, Duration.ofDays(365));
                    System.err.printf("collected %d observations (%d duplicates dropped)%n", c.delivered(), c.duplicates());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    collectorFailure[0] = e;
                }
            });
        }
        while (!coordinator.awaitEnd(campaign, Duration.ofSeconds(5))) {
            System.err.println(coordinator.status(campaign).summary());
        }
        CampaignStatus end = coordinator.status(campaign);
        out.println(end.summary());
        out.flush();
        if (collector != null) {
            collector.join();
            if (collectorFailure[0] != null) {
                throw collectorFailure[0];
            }
        }
        return end.state() == CampaignState.CANCELLED ? EXIT_CANCELLED : 0;
    }

    /** The scope file, or exit 2 with the file and field named. */
    static SurveyScope readScope(Path file) {
        try {
            return SurveyScope.read(file);
        } catch (UncheckedIOException e) {
            throw new UserInputException("--scope: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--scope: " + e.getMessage());
        }
    }

    static String known(Coordinator coordinator, String campaign) {
        if (campaign == null || !SurveyScope.ID.matcher(campaign).matches()) {
            throw new UserInputException("CAMPAIGN: '" + campaign + "' is not a campaign id");
        }
        try {
            coordinator.status(campaign);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("CAMPAIGN: no campaign '" + campaign + "' on this NATS server");
        }
        return campaign;
    }

    /** One steering action on a campaign. */
    abstract static class Steer implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nats", required = true, paramLabel = "URL", description = "The NATS server.")
        String nats;

        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign id.")
        String campaign;

        abstract void apply(Coordinator coordinator, String campaign);

        /** The state the action leads to; empty for a command that changes nothing. */
        abstract Optional<CampaignState> leadsTo();

        @Override
        public Integer call() {
            try (Connection nc = SurveyOptions.connect(nats); Coordinator coordinator = new Coordinator(nc, Coordinator.ACK_WAIT)) {
                String id = known(coordinator, campaign);
                try {
                    apply(coordinator, id);
                } catch (IllegalStateException e) {
                    throw new UserInputException(e.getMessage());
                }
                CampaignStatus now = coordinator.status(id);
                if (leadsTo().isPresent() && now.state() != leadsTo().get()) {
                    throw new UserInputException("campaign " + id + " is " + now.state() + ": it cannot become "
                            + leadsTo().get());
                }
                spec.commandLine().getOut().println(now.summary());
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Shows a campaign's state and progress.")
    static final class Status extends Steer {
        @Override
        Optional<CampaignState> leadsTo() {
            return Optional.empty();
        }

        @Override
        void apply(Coordinator coordinator, String campaign) {
            // Only the summary that every steering command prints.
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pauses a campaign: workers finish the addresses in hand and take no new ones.")
    static final class Pause extends Steer {
        @Override
        Optional<CampaignState> leadsTo() {
            return Optional.of(CampaignState.PAUSED);
        }

        @Override
        void apply(Coordinator coordinator, String campaign) {
            coordinator.pause(campaign);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resumes a paused campaign.")
    static final class Resume extends Steer {
        @Override
        Optional<CampaignState> leadsTo() {
            return Optional.of(CampaignState.RUNNING);
        }

        @Override
        void apply(Coordinator coordinator, String campaign) {
            coordinator.resume(campaign);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancels a campaign: workers drop their items and the items nobody took are removed.")
    static final class Cancel extends Steer {
        @Override
        Optional<CampaignState> leadsTo() {
            return Optional.of(CampaignState.CANCELLED);
        }

        @Override
        void apply(Coordinator coordinator, String campaign) {
            coordinator.cancel(campaign);
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = {"Sends a campaign's observations to a registry and/or a file, each address once; run again,",
                    "it goes on where it stopped."})
    static final class Collect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nats", required = true, paramLabel = "URL", description = "The NATS server.")
        String nats;

        @Option(names = "--scope", required = true, paramLabel = "FILE",
                description = "The campaign's signed-off scope file, registered with the registry before the upload.")
        Path scope;

        @Option(names = "--until-end", description = "Wait until the campaign is done (default: what is there now).")
        boolean untilEnd;

        @Mixin
        Destination destination;

        @Override
        public Integer call() throws InterruptedException {
            SurveyScope surveyScope = readScope(scope);
            if (!destination.any()) {
                throw new UserInputException("collect: give --registry URL or --out FILE");
            }
            try (Connection nc = SurveyOptions.connect(nats); Coordinator coordinator = new Coordinator(nc, Coordinator.ACK_WAIT)) {
                String id = known(coordinator, surveyScope.id());
                ResultsCollector collector = new ResultsCollector(nc, id, "iotseal-cli", RegistryUpload.MAX_LINES);
                Consumer<List<byte[]>> sink = destination.sink(id, surveyScope.canonicalJson());
                if (untilEnd) {
                    collector.collectUntilEnd(sink, Duration.ofDays(365));
                } else {
                    collector.collectAvailable(sink);
                }
                ResultsCollector.Counts c = collector.counts();
                spec.commandLine().getOut().printf("collected %d observations (%d duplicates dropped)%n", c.delivered(),
                        c.duplicates());
                return 0;
            }
        }
    }
}
