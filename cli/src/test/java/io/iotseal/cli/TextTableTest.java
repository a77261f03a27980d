package io.iotseal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
    private static TextTable table() {
        return new TextTable("ID", "NAME").row("etsi-en-303-645",
                "ETSI EN 303 645 V3.1.3: Cyber Security for Consumer Internet of Things: Baseline Requirements");
    }

    @Test
    void wrapsTheWidestColumnAtSpacesToFitTheTerminal() {
        String out = table().render(50);
        assertThat(out.lines()).allSatisfy(line -> assertThat(TextTable.width(line)).isLessThanOrEqualTo(50));
        assertThat(out).isEqualTo("""
                ID               NAME
                ---------------  ---------------------------------
                etsi-en-303-645  ETSI EN 303 645 V3.1.3: Cyber
                                 Security for Consumer Internet of
                                 Things: Baseline Requirements
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void unlimitedWidthKeepsEveryRowOnOneLine() {
        assertThat(table().render().lines()).hasSize(3);
    }

    @Test
    void japaneseTextCountsTwoColumnsPerCharacterWhenWrapped() {
        String out = new TextTable("ID", "TITLE").row("S1.1-02", "共通でないデフォルトパスワードの使用を禁止すること").render(30);
        assertThat(out.lines()).allSatisfy(line -> assertThat(TextTable.width(line)).isLessThanOrEqualTo(30));
    }

    @Test
    void cliTablesFitColumnsUnlessWide() {
        // COLUMNS cannot be set in-process; the option decides between the terminal width and unlimited.
        StandardsOptions options = new StandardsOptions();
        options.wide = true;
        assertThat(options.tableWidth()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Terminal.parse("72")).isEqualTo(72);
        assertThat(Terminal.parse(null)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Terminal.parse("wide")).isEqualTo(Integer.MAX_VALUE);
    }
}
