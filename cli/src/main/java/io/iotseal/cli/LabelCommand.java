package io.iotseal.cli;

import picocli.CommandLine.Command;

/** {@code iotseal label}: what a scheme operator and a verifier need offline (ADR 0030-0033). */
@Command(name = "label", description = "Signed, offline-verifiable labels: keys, issuing, status lists, verification.",
        subcommands = {
                LabelKeygenCommand.class,
                LabelIssueCommand.class,
                LabelStatusListCommand.class,
                LabelVerifyCommand.class,
        })
final class LabelCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
