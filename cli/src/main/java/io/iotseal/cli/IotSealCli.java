package io.iotseal.cli;

import io.iotseal.library.StandardsDataException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code iotseal} command line. */
@Command(name = "iotseal", mixinStandardHelpOptions = true, version = "IoTSeal 0.1.0",
        description = "IoT cybersecurity labelling: catalogs, crosswalks, coverage, assessments, labels, device probes.",
        subcommands = {
                CatalogCommand.class,
                CrosswalkCommand.class,
                ApplicabilityCommand.class,
                CoverageCommand.class,
                SchemeCommand.class,
                ExportCommand.class,
                ProbeCommand.class,
                AuditCommand.class,
                AdminCommand.class,
                AssessmentCommand.class,
                LabelCommand.class,
                RegistryCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class IotSealCli implements Runnable {
    /** Exit code for bad input: an unknown id, a malformed file, a wrong option. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when the standards data itself is invalid. */
    public static final int EXIT_BAD_DATA = 3;

    public static void main(String[] args) {
        CommandLine cli = newCommandLine();
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exitCode);
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new IotSealCli());
        CommandTree.addHelpOptions(cli);
        CommandTree.joinDescriptionLines(cli);
        int columns = Terminal.columns();
        cli.setUsageHelpWidth(columns == Integer.MAX_VALUE ? Terminal.DEFAULT_HELP_WIDTH : Math.max(55, Math.min(columns, 120)));
        cli.setExecutionExceptionHandler(IotSealCli::handle);
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    private static boolean debug() {
        return "1".equals(System.getenv("IOTSEAL_DEBUG"));
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof StandardsDataException) {
            err.println("iotseal: " + e.getMessage());
            return EXIT_BAD_DATA;
        }
        if (e instanceof io.iotseal.probe.survey.registry.RegistryUpload.UploadException) {
            // The registry refused or could not be reached: its own words, not "unexpected".
            err.println("iotseal: registry: " + e.getMessage());
            return 1;
        }
        if (e instanceof UserInputException || e instanceof IllegalArgumentException) {
            err.println("iotseal: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        // A bug, not bad input: say so without Java's class names; the stack trace only when asked for.
        err.println("iotseal: unexpected error" + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + (debug() ? "" : " (set IOTSEAL_DEBUG=1 for the details)"));
        if (debug()) {
            e.printStackTrace(err);
        }
        return 1;
    }
}
