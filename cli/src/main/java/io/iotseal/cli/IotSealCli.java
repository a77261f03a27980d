package io.iotseal.cli;

import io.iotseal.library.StandardsDataException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code iotseal} command line. */
@Command(name = "iotseal", mixinStandardHelpOptions = true, version = "IoTSeal 0.1.0",
        description = "IoT cybersecurity labelling: catalogs, crosswalks, applicability, coverage.",
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
        cli.setExecutionExceptionHandler(IotSealCli::handle);
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof StandardsDataException) {
            err.println("iotseal: " + e.getMessage());
            return EXIT_BAD_DATA;
        }
        if (e instanceof UserInputException || e instanceof IllegalArgumentException) {
            err.println("iotseal: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        err.println("iotseal: unexpected error: " + e);
        e.printStackTrace(err);
        return 1;
    }
}
