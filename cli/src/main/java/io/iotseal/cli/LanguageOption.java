package io.iotseal.cli;

import picocli.CommandLine.Option;

/** The {@code --lang en|ja} option of the listing commands, checked where it is read. */
final class LanguageOption {
    @Option(names = "--lang", defaultValue = "en", description = "Language of names and titles: en or ja (default: en).")
    private String lang;

    /** The chosen language; a value other than en or ja is a user error naming the option. */
    String get() {
        Languages.check(lang);
        return lang;
    }
}
