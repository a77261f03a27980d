package io.iotseal.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The whole tree of commands, so that what every command must offer is added in one place rather
 * than remembered in each: a command added later gets {@code -h}/{@code --help} without asking.
 */
final class CommandTree {
    private CommandTree() {
    }

    /** {@code root} and every command below it, depth first. */
    static List<CommandLine> all(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!all.contains(sub)) { // aliases list a command twice
                collect(sub, all);
            }
        }
    }

    /**
     * Descriptions are written as lines cut to fit the source code; picocli would print those cuts as
     * they are, and the command lists show only the first line, so a description broken mid-sentence
     * showed half a sentence there. Joins the lines into paragraphs (a line ending in '.', '!', '?' or
     * ':' ends one), which picocli then wraps to the terminal, and makes the first sentence the first
     * line, which is what the lists show.
     */
    static void joinDescriptionLines(CommandLine root) {
        for (CommandLine command : all(root)) {
            var usage = command.getCommandSpec().usageMessage();
            usage.description(paragraphs(usage.description()).toArray(String[]::new));
        }
    }

    private static final java.util.regex.Pattern FIRST_SENTENCE_END =
            java.util.regex.Pattern.compile("(?<!\\be\\.g\\.)(?<!\\bi\\.e\\.)(?<=[\\p{L}\\p{N})]\\.)\\s+(?=\\p{Lu})");

    static List<String> paragraphs(String[] lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(line.strip());
            if (line.strip().matches(".*[.!?:]$")) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        if (!paragraphs.isEmpty()) {
            String[] first = FIRST_SENTENCE_END.split(paragraphs.get(0), 2);
            if (first.length == 2) {
                paragraphs.set(0, first[0]);
                paragraphs.add(1, first[1]);
            }
        }
        return paragraphs;
    }

    /** Gives each command that has no help option of its own {@code -h, --help}. */
    static void addHelpOptions(CommandLine root) {
        for (CommandLine command : all(root)) {
            CommandSpec spec = command.getCommandSpec();
            boolean hasHelp = spec.options().stream().anyMatch(OptionSpec::usageHelp);
            if (!hasHelp && spec.findOption("--help") == null && spec.findOption("-h") == null) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
        }
    }
}
