package io.iotseal.probe.survey.nats;

import io.iotseal.probe.survey.SurveyScope;
import io.nats.client.Connection;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's side of a survey, for the CLI ({@code iotseal probe survey ...}) to call:
 * <pre>
 *   start   --nats URL --scope FILE [--opt-out FILE] [--ack-wait SECONDS]   runs until DONE or CANCELLED (serves permits)
 *   serve   --nats URL --campaign ID                                          a restarted coordinator, same
 *   pause|resume|cancel|status --nats URL --campaign ID
 *   collect --nats URL --campaign ID --out FILE [--durable NAME]              NDJSON, one line per address
 * </pre>
 * Exit codes: 0 done (or the command took effect), 1 the campaign was cancelled, 2 bad arguments, an unknown
 * campaign or a scope that is refused.
 */
public final class CoordinatorMain {
    private static final String USAGE = "usage: start|serve|pause|resume|cancel|status|collect --nats URL"
            + " [--scope FILE] [--opt-out FILE] [--campaign ID] [--out FILE] [--durable NAME] [--ack-wait SECONDS]";

    private CoordinatorMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> o = new HashMap<>();
        if (args.length == 0 || (args.length - 1) % 2 != 0) {
            err.println(USAGE);
            return 2;
        }
        for (int i = 1; i < args.length; i += 2) {
            if (!List.of("--nats", "--scope", "--opt-out", "--campaign", "--out", "--durable", "--ack-wait")
                    .contains(args[i])) {
                err.println("unknown option " + args[i] + "; " + USAGE);
                return 2;
            }
            o.put(args[i], args[i + 1]);
        }
        String command = args[0];
        boolean needsCampaign = !command.equals("start");
        if (!o.containsKey("--nats") || (needsCampaign && !o.containsKey("--campaign"))
                || (command.equals("start") && !o.containsKey("--scope"))
                || (command.equals("collect") && !o.containsKey("--out"))) {
            err.println(USAGE);
            return 2;
        }
        Duration ackWait = o.containsKey("--ack-wait") ? Duration.ofSeconds(Long.parseLong(o.get("--ack-wait")))
                : Coordinator.ACK_WAIT;
        Connection nc = WorkerMain.connect(o.get("--nats"));
        try (Coordinator coordinator = new Coordinator(nc, ackWait)) {
            String id = o.get("--campaign");
            switch (command) {
                case "start", "serve" -> {
                    if (command.equals("start")) {
                        SurveyScope scope = SurveyScope.read(Path.of(o.get("--scope")));
                        id = scope.id();
                        coordinator.start(scope, Optional.ofNullable(o.get("--opt-out")).map(Path::of));
                    } else {
                        coordinator.serve(id);
                    }
                    // Serve the permits until the end: the workers stall without them.
                    while (!coordinator.awaitEnd(id, Duration.ofSeconds(30))) {
                        out.println(coordinator.status(id).summary());
                    }
                    CampaignStatus end = coordinator.status(id);
                    out.println(end.summary());
                    return end.state() == CampaignState.DONE ? 0 : 1;
                }
                case "pause" -> coordinator.pause(id);
                case "resume" -> coordinator.resume(id);
                case "cancel" -> coordinator.cancel(id);
                case "status" -> { }
                case "collect" -> {
                    return collect(nc, id, o, out);
                }
                default -> {
                    err.println("unknown command " + command + "; " + USAGE);
                    return 2;
                }
            }
            out.println(coordinator.status(id).summary());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // An unknown campaign, a scope that does not read, an id reused with another scope: say so, exit 2.
            err.println(e.getMessage());
            return 2;
        } finally {
            nc.close();
        }
    }

    /** Appends the campaign's observations to a file as they arrive, until the campaign has ended. */
    private static int collect(Connection nc, String id, Map<String, String> o, PrintStream out) throws Exception {
        ResultsCollector collector = new ResultsCollector(nc, id, o.getOrDefault("--durable", "file-export"), 1000);
        try (OutputStream file = Files.newOutputStream(Path.of(o.get("--out")), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            ResultsCollector.Counts counts = collector.collectUntilEnd(batch -> {
                try {
                    for (byte[] line : batch) {
                        file.write(line);
                        file.write('\n');
                    }
                    file.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, Duration.ofDays(365));
            out.println("collected " + counts.delivered() + " observations (" + counts.duplicates() + " duplicates, "
                    + counts.malformed() + " malformed dropped)");
        }
        return 0;
    }
}
