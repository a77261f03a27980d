package io.iotseal.cli;

/**
 * The width of the terminal the output goes to. Java cannot ask the terminal itself, so the
 * {@code ./iotseal} launcher passes it in {@code COLUMNS} when its output is a terminal; without it
 * (output piped to a file or another program) lines are never cut.
 */
final class Terminal {
    /** Width used for help text when the terminal's width is unknown. */
    static final int DEFAULT_HELP_WIDTH = 80;

    private Terminal() {
    }

    /** The terminal's width in columns, or {@link Integer#MAX_VALUE} when not known. */
    static int columns() {
        return parse(System.getenv("COLUMNS"));
    }

    static int parse(String columns) {
        if (columns == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int value = Integer.parseInt(columns.trim());
            return value > 0 ? value : Integer.MAX_VALUE;
        } catch (NumberFormatException notANumber) {
            return Integer.MAX_VALUE;
        }
    }
}
