package io.iotseal.cli;

import static io.iotseal.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help on every command, found by walking the command tree, so that a command added later is
 * covered without being listed here.
 */
class HelpTest {

    /** Every command's words as typed after {@code iotseal}, e.g. ["label", "verify"]. */
    static List<List<String>> everyCommand() {
        List<List<String>> commands = new ArrayList<>();
        for (CommandLine command : CommandTree.all(IotSealCli.newCommandLine())) {
            List<String> words = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                words.addFirst(c.getCommandName());
            }
            commands.add(words);
        }
        return commands;
    }

    @Test
    void theTreeHasTheCommandsWeKnowOf() {
        assertThat(everyCommand()).contains(List.of(), List.of("catalog", "list"), List.of("label", "verify"),
                List.of("assessment", "submit"), List.of("serve"), List.of("help"));
    }

    @Test
    void everyCommandAnswersDashHAndDashDashHelpWithItsUsageAndDoesNothingElse() {
        for (List<String> command : everyCommand()) {
            for (String option : List.of("-h", "--help")) {
                List<String> args = new ArrayList<>(command);
                args.add(option);
                CliTest.Run run = run(args.toArray(String[]::new));
                assertThat(run.exitCode()).as("iotseal %s: %s", args, run.err()).isZero();
                assertThat(run.out()).as("iotseal %s", args)
                        .contains("Usage: " + String.join(" ", prepend("iotseal", command)) + " ");
                assertThat(run.err()).as("iotseal %s", args).isEmpty();
            }
        }
    }

    @Test
    void helpCommandPrintsTheUsageOfTheCommandNamed() {
        CliTest.Run run = run("help", "catalog");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: iotseal catalog").contains("list", "show");
    }

    @Test
    void serveIsListedAndItsHelpSaysHowToConfigureItWithoutStartingAnything() {
        assertThat(run("--help").out()).contains("serve ");
        CliTest.Run help = run("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--server.port=9090", "IOTSEAL_PORT");
        // Run without the launcher, it cannot start the server (not on this classpath) and says how to.
        CliTest.Run direct = run("serve");
        assertThat(direct.exitCode()).isEqualTo(IotSealCli.EXIT_BAD_INPUT);
        assertThat(direct.err()).contains("./iotseal serve");
    }

    /** The lists of commands show each one's first description line: it must be a whole sentence. */
    @Test
    void everyCommandListShowsWholeSentences() {
        for (CommandLine command : CommandTree.all(IotSealCli.newCommandLine())) {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description).as(command.getCommandSpec().qualifiedName()).isNotEmpty();
            assertThat(description[0]).as(command.getCommandSpec().qualifiedName()).matches("(?s).*[.:!?]$");
        }
    }

    @Test
    void descriptionLinesAreJoinedIntoSentencesAndTheFirstSentenceLeads() {
        assertThat(CommandTree.paragraphs(new String[] {"Probes devices: open ports, default credentials,",
                "and TLS. Exit codes: 0 no FAIL,", "4 a FAIL."}))
                .containsExactly("Probes devices: open ports, default credentials, and TLS.", "Exit codes: 0 no FAIL, 4 a FAIL.");
        assertThat(CommandTree.paragraphs(new String[] {"Arguments go to Spring Boot, e.g. --server.port=9090."}))
                .containsExactly("Arguments go to Spring Boot, e.g. --server.port=9090.");
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
