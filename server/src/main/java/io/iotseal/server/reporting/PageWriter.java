package io.iotseal.server.reporting;

import io.iotseal.server.assessment.PrintableText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs top to bottom over as many A4 pages as needed, wrapped to the page width. Unlike the Declaration of
 * Conformity's writer, which cuts a line short, a report's description must be shown whole; Japanese has no
 * spaces, so a line breaks at the last space when there is one near the end, else between any two characters.
 */
final class PageWriter implements AutoCloseable {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    private final PDType0Font font;
    private PDPageContentStream stream;
    private float y;

    PageWriter(PDDocument doc, PDType0Font font) throws IOException {
        this.doc = doc;
        this.font = font;
        newPage();
    }

    void paragraph(String text, float size, float indent) throws IOException {
        for (String line : wrap(text, size, WIDTH - indent)) {
            float leading = size * 1.45f;
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + indent, y);
            stream.showText(line);
            stream.endText();
        }
    }

    void gap() {
        space(8);
    }

    void space(float points) {
        y -= points;
    }

    /**
     * The text's lines as the font can draw them (see {@link PrintableText}), each wrapped to {@code width}. The
     * messages' typographic apostrophe (’) is a full-width glyph in IPAex Gothic and reads "ENISA’ s" in Latin
     * text, so it is drawn as '.
     */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace('\u2019', '\'').split("\n", -1)) {
            String rest = PrintableText.of(font, paragraph);
            while (width(rest, size) > width) {
                int end = fitting(rest, size, width);
                int space = rest.lastIndexOf(' ', end);
                int cut = space > end / 2 ? space : end;
                lines.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }

    /** How many chars of {@code text} fit in {@code width} (at least one code point, so a line always advances). */
    private int fitting(String text, float size, float width) throws IOException {
        int end = text.offsetByCodePoints(0, 1);
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (width(text.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
