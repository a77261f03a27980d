package io.iotseal.cli;

import io.iotseal.catalog.LocalizedText;

/** Language choice for names and titles: Japanese where a Japanese name exists, else English. */
final class Languages {
    private Languages() {
    }

    static void check(String lang) {
        if (!lang.equals("en") && !lang.equals("ja")) {
            throw new UserInputException("--lang: '" + lang + "' is not supported; use en or ja");
        }
    }

    /** The text in {@code lang}; English marked "[en]" when no such translation exists. */
    static String pick(LocalizedText text, String lang) {
        if (lang.equals(LocalizedText.ENGLISH)) {
            return text.en();
        }
        return text.exactly(lang).orElse(text.en() + " [en]");
    }
}
