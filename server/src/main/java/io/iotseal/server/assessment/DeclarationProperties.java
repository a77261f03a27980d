package io.iotseal.server.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Declaration of Conformity's font ({@code iotseal.declaration.font}, ADR 0044): a TrueType font with
 * Japanese and Latin glyphs. By default IPAex Gothic from Debian's fonts-ipaexfont-gothic (IPA Font
 * License), which {@code .ci/services.sh} installs; it is embedded (subset) in every declaration.
 */
@ConfigurationProperties(prefix = "iotseal.declaration")
public record DeclarationProperties(String font) {

    public static final String DEFAULT_FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

    public DeclarationProperties {
        if (font == null || font.isBlank()) {
            font = DEFAULT_FONT;
        }
    }
}
