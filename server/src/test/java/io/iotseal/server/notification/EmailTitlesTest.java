package io.iotseal.server.notification;

import io.iotseal.server.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type has an e-mail title in both languages (ADR 0081): the list comes from {@link EventType} itself,
 * so a new event without its title fails here instead of when a subscriber's mail is rendered.
 */
class EmailTitlesTest {

    @Test
    void everyEventTypeHasATitleInEnglishAndJapanese() {
        for (Locale locale : new Locale[]{Locale.ENGLISH, Locale.JAPANESE}) {
            ResourceBundle texts = ResourceBundle.getBundle("notifications/messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            // Positive control: a title that has always been there.
            assertThat(texts.containsKey("title.label.issued")).isTrue();
            for (EventType type : EventType.values()) {
                assertThat(texts.containsKey("title." + type.code())).as(locale + " title." + type.code()).isTrue();
            }
        }
    }
}
