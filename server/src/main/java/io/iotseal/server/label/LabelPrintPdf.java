package io.iotseal.server.label;

import io.iotseal.label.IssuedLabel;
import io.iotseal.server.assessment.DeclarationProperties;
import io.iotseal.server.assessment.UnicodeMapFix;
import io.iotseal.server.web.ApiException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The label artwork as a PDF for print (issue 14 item 3, ADR 0087): one A4 page with the artwork core draws
 * ({@link IssuedLabel#png}, the same rendering as the API's artwork.png, at 8 pixels per unit) placed losslessly
 * at a fixed print size (75 mm wide, so the QR code is 65 mm), and below it, in Japanese and English with the
 * Declaration of Conformity's embedded font (ADR 0044), the label's id, registration number, product and validity.
 * Lossless and large, so the printed QR code scans as the PNG does (tested by decoding the rendered page).
 */
@Component
class LabelPrintPdf {

    /** The artwork's width on paper: 300 SVG units at 0.25 mm each. */
    static final float ARTWORK_WIDTH_MM = 75f;
    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float MARGIN = 56;
    /** Pixels per SVG unit of the embedded image (the most core draws): about 810 dpi at 75 mm. */
    private static final int SCALE = 8;

    private final Path fontPath;

    LabelPrintPdf(DeclarationProperties properties) {
        this.fontPath = Path.of(properties.font());
    }

    byte[] render(IssuedLabel issued, LabelView label) {
        if (!Files.isReadable(fontPath)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", "the print PDF's Japanese"
                    + " font is not installed at " + fontPath + " (install fonts-ipaexfont-gothic, e.g. with"
                    + " .ci/services.sh, or set IOTSEAL_DECLARATION_FONT)");
        }
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, fontPath.toFile());
            BufferedImage artwork = ImageIO.read(new ByteArrayInputStream(issued.png(SCALE)));
            PDImageXObject image = LosslessFactory.createFromImage(doc, artwork);
            float width = ARTWORK_WIDTH_MM * POINTS_PER_MM;
            float height = width * artwork.getHeight() / artwork.getWidth();
            float top = PDRectangle.A4.getHeight() - MARGIN;
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                text(s, font, 14, MARGIN, top, "ラベル（印刷用） / Label for print: " + label.labelId());
                text(s, font, 9, MARGIN, top - 18, "実寸（拡大・縮小なし）で印刷してください。幅 75 mm、QR コード 65 mm。");
                text(s, font, 9, MARGIN, top - 31, "Print at actual size (no scaling): 75 mm wide, QR code 65 mm.");
                float imageTop = top - 50;
                s.drawImage(image, MARGIN, imageTop - height, width, height);
                float y = imageTop - height - 24;
                String product = label.productNameJa() == null ? label.productNameEn()
                        : label.productNameJa() + " / " + label.productNameEn();
                String[][] facts = {
                        {"登録番号 / Registration number", label.registrationNumber()},
                        {"ラベル ID / Label id", label.labelId()},
                        {"制度・水準 / Scheme and level", label.scheme() + ":" + label.level()},
                        {"事業者 / Vendor", label.vendorName()},
                        {"製品 / Product", product},
                        {"型番 / Models", String.join(", ", label.models())},
                        {"有効期間 / Valid", label.issued() + " – " + label.expiry()},
                        {"サポート期間終了 / Support period ends", label.supportEnd() == null ? "-" : label.supportEnd().toString()},
                };
                for (String[] fact : facts) {
                    text(s, font, 9, MARGIN, y, fact[0]);
                    text(s, font, 9, MARGIN + 190, y, fact[1]);
                    y -= 14;
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("ラベル / Label " + label.labelId() + " (" + label.registrationNumber() + ")");
            info.setCreator("IoTSeal");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return UnicodeMapFix.apply(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the label's print PDF", e);
        }
    }

    private static void text(PDPageContentStream s, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }
}
