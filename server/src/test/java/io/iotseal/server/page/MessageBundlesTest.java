package io.iotseal.server.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in every language (ADR 0074): the bundles have the same keys, none empty. */
class MessageBundlesTest {

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties en = load("en");
        for (var language : Languages.SUPPORTED) {
            Properties other = load(language.getLanguage());
            assertThat(other.stringPropertyNames()).as("keys of messages_" + language.getLanguage())
                    .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            for (String key : other.stringPropertyNames()) {
                assertThat(other.getProperty(key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void japaneseIsReadAsUtf8() {
        Page page = new Page(PageConfig.messages(), java.util.Locale.JAPANESE, "/", null, "_csrf", "", null, Set.of());
        assertThat(page.t("login.title")).isEqualTo("ログイン");
        assertThat(page.t("dashboard.greeting", "佐藤")).isEqualTo("ようこそ、佐藤 さん。");
        Page other = new Page(PageConfig.messages(), java.util.Locale.FRENCH, "/", null, "_csrf", "", null, Set.of());
        assertThat(other.t("login.title")).as("an unsupported language falls back to English").isEqualTo("Sign in");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/messages_" + language
                + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
