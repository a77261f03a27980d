package io.iotseal.server.assessment;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;

/** Text for a PDF in one font: the PDFs this registry writes (declaration, report drafts) share it. */
public final class PrintableText {

    private PrintableText() {
    }

    /** Characters {@code font} has no glyph for become '?', rather than failing the whole document. */
    public static String of(PDFont font, String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                sb.append(s);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
