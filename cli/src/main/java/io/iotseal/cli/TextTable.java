package io.iotseal.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns. Widths count East Asian wide characters (Japanese,
 * Chinese, Korean, full-width forms) as two columns, so Japanese titles line up in a terminal.
 * Rendered for a terminal, it wraps its widest columns to fit; {@code --wide} shows every cell on one line.
 */
final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    /** Every cell in full, however wide the table gets. */
    String render() {
        return render(Integer.MAX_VALUE);
    }

    /**
     * The table in at most {@code maxWidth} columns where it can be: the widest columns are narrowed
     * (never below {@link #MIN_COLUMN} or their header) and their cells wrapped onto more lines, at
     * spaces where possible.
     */
    String render(int maxWidth) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        fit(widths, maxWidth);
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths);
        List<String> rules = new ArrayList<>();
        for (int w : widths) {
            rules.add("-".repeat(Math.max(w, 1)));
        }
        appendRow(out, rules, widths);
        rows.forEach(row -> appendRow(out, row, widths));
        return out.toString();
    }

    /** Narrowest a column is made to fit a terminal. */
    static final int MIN_COLUMN = 10;
    private static final int GAP = 2;

    private void fit(int[] widths, int maxWidth) {
        int total = GAP * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > maxWidth) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                int floor = Math.max(MIN_COLUMN, width(headers.get(i)));
                if (widths[i] > floor && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return; // every column at its narrowest: the terminal is too small, print it wide
            }
            widths[widest]--;
            total--;
        }
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> parts = wrap(cells.get(i), widths[i]);
            wrapped.add(parts);
            lines = Math.max(lines, parts.size());
        }
        for (int line = 0; line < lines; line++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String part = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
                text.append(part);
                if (i < cells.size() - 1) {
                    text.append(" ".repeat(widths[i] - width(part) + GAP));
                }
            }
            out.append(text.toString().stripTrailing()).append(System.lineSeparator());
        }
    }

    /** The text in lines of at most {@code max} display columns, broken at spaces where it can be. */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (width(rest) > max) {
            int cut = 0;
            int used = 0;
            int lastSpace = -1;
            while (cut < rest.length()) {
                int cp = rest.codePointAt(cut);
                int w = isWide(cp) ? 2 : 1;
                if (used + w > max) {
                    break;
                }
                if (cp == ' ') {
                    lastSpace = cut;
                }
                used += w;
                cut += Character.charCount(cp);
            }
            if (cut == 0) {
                cut = Character.charCount(rest.codePointAt(0)); // a wide character in a one-column cell
            }
            int end = lastSpace > 0 && cut < rest.length() && rest.charAt(cut) != ' ' ? lastSpace : cut;
            lines.add(rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** Display width: wide (CJK and full-width) code points take two columns. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
