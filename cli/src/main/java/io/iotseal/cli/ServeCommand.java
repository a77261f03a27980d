package io.iotseal.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code iotseal serve}: listed here so that help shows it, but started by the {@code ./iotseal}
 * launcher, which runs the server's own jar (it is not part of this command line tool's classpath).
 * The launcher sends {@code serve -h}/{@code --help} here, so asking for help never starts a server.
 */
@Command(name = "serve", description = {
        "Start the registry server; by default with an H2 database and demo data in the data folder.",
        "Arguments go to Spring Boot, for example --server.port=9090.",
        "The environment variables IOTSEAL_ADDRESS, IOTSEAL_PORT, IOTSEAL_DATA_DIR, IOTSEAL_DB_URL and the"
                + " others listed in the README's \"Server\" section configure it as well.",
        "It prints its address and the demo label's page at every start, and the admin password at the first."})
final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "SPRING-BOOT-ARGUMENT", description = "e.g. --server.port=9090")
    List<String> arguments;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("iotseal: start the server with the launcher: ./iotseal serve");
        return IotSealCli.EXIT_BAD_INPUT;
    }
}
