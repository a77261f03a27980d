package io.iotseal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code iotseal} command line. */
@Command(name = "iotseal", mixinStandardHelpOptions = true, version = "IoTSeal 0.1.0",
        subcommands = {ProbeCommand.class},
        description = "IoT cybersecurity labelling: catalogs, crosswalks, coverage.")
public final class IotSealCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new IotSealCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
