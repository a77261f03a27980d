package io.iotseal.server.assessment;

import io.iotseal.assessment.Answer;
import io.iotseal.assessment.AssessmentSnapshot;
import io.iotseal.assessment.Route;
import io.iotseal.assessment.ScopedRequirement;
import io.iotseal.coverage.Verdict;
import io.iotseal.server.web.ApiException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * The Declaration of Conformity of an accepted assessment as a PDF, every line in Japanese and English
 * (ADR 0044). Apache PDFBox writes it; the Japanese font is embedded as a subset, so the PDF shows the
 * same everywhere, and its text can be extracted (and searched, and read by screen readers) as the
 * ideographs written ({@link UnicodeMapFix}).
 */
@Component
public class DeclarationOfConformity {

    private static final float MARGIN = 56;
    private static final float LEADING = 17;

    private final Path fontPath;

    public DeclarationOfConformity(DeclarationProperties properties) {
        this.fontPath = Path.of(properties.font());
    }

    /** What the declaration states besides the assessment itself. */
    public record Parties(String vendorEn, String vendorJa, String productJa, List<String> modelNumbers,
                          String schemeEn, String schemeJa, String levelEn, String levelJa, String labName,
                          String decidedBy) {
    }

    public byte[] render(AssessmentSnapshot a, Parties p) {
        if (!Files.isReadable(fontPath)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", "the declaration's Japanese"
                    + " font is not installed at " + fontPath + " (install fonts-ipaexfont-gothic, e.g. with"
                    + " .ci/services.sh, or set IOTSEAL_DECLARATION_FONT)");
        }
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, fontPath.toFile());
            Writer w = new Writer(doc, font);
            w.line("適合宣言書", 18);
            w.line("Declaration of Conformity", 18);
            w.gap();
            w.pair("制度", "Scheme", orDash(p.schemeJa()) + " / " + p.schemeEn());
            w.pair("水準", "Level", orDash(p.levelJa()) + " / " + p.levelEn() + "  (" + a.scope().target() + ")");
            w.pair("事業者", "Vendor", orDash(p.vendorJa()) + " / " + p.vendorEn());
            w.pair("製品", "Product", orDash(p.productJa()) + " / " + a.product());
            w.pair("型番", "Model numbers", p.modelNumbers().isEmpty() ? "-" : String.join(", ", p.modelNumbers()));
            w.pair("バージョン", "Version", a.productVersion());
            String lab = p.labName() == null ? "" : " (" + p.labName() + ")";
            w.pair("評価方法", "Assessment", switch (a.scope().route()) {
                case THIRD_PARTY -> "第三者評価 / Third-party evaluation" + lab;
                case SELF_DECLARATION_LAB_REVIEWED -> "自己適合宣言（試験所レビュー） / Lab-reviewed self-declaration";
                case SELF_DECLARATION -> "自己適合宣言 / Self-declaration";
            });
            if (a.scope().route() == Route.SELF_DECLARATION_LAB_REVIEWED && p.labName() != null) {
                w.pair("試験所", "Reviewing lab", p.labName()); // its own line: the route's name fills the width
            }
            LocalDate decided = a.lastModified().atOffset(ZoneOffset.UTC).toLocalDate();
            w.pair("受理日", "Accepted on", decided.toString() + " (" + p.decidedBy() + ")");
            w.pair("評価番号", "Assessment ID", a.id());
            w.gap();
            w.line("適合基準ごとの結果 / Result per requirement", 12);
            for (ScopedRequirement r : a.scope().requirements()) {
                Answer answer = a.answers().get(r.requirement());
                w.line("  " + r.requirement().requirement() + "  " + verdict(answer) + "  "
                        + (r.title() == null || !r.textInData() ? "" : r.title()), 9);
                if (!r.textInData()) {
                    // Issue 10: a verdict on a criterion whose text the registry never had is not a bare "Pass".
                    w.line("      " + ScopedRequirement.TEXT_NOT_IN_DATA_JA, 8);
                    w.line("      " + ScopedRequirement.TEXT_NOT_IN_DATA_EN, 8);
                }
                if (answer != null && answer.provenance() != null && answer.provenance().byRecognition()) {
                    w.line("      承認により免除 / waived by recognition " + answer.provenance().recognition(), 8);
                }
            }
            w.gap();
            w.line("当社は、上記の製品が上記の適合基準に適合していることを宣言します。", 11);
            w.line("We declare that the product above conforms to the requirements listed above.", 11);
            if (!a.scope().unknownParts().isEmpty()) {
                w.gap();
                w.line("注: この水準の一部の基準は IoTSeal のデータにまだ含まれていません。", 9);
                w.line("Note: some criteria of this level are not yet in IoTSeal's standards data.", 9);
            }
            w.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("適合宣言書 / Declaration of Conformity: " + a.product() + " " + a.productVersion());
            info.setAuthor(p.vendorEn());
            info.setCreator("IoTSeal");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(a.lastModified().toEpochMilli());
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return UnicodeMapFix.apply(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the declaration", e);
        }
    }

    private static String verdict(Answer answer) {
        Verdict v = answer == null ? Verdict.NOT_ASSESSED : answer.verdict();
        return switch (v) {
            case PASS -> "適合 / Pass";
            case FAIL -> "不適合 / Fail";
            case NOT_APPLICABLE -> "対象外 / Not applicable";
            case NOT_ASSESSED -> "対象外(非該当) / Does not apply";
        };
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** Lines top to bottom over as many A4 pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
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

        void pair(String ja, String en, String value) throws IOException {
            line(ja + " / " + en + ": " + value, 11);
        }

        void gap() {
            y -= LEADING / 2;
        }

        void line(String text, float size) throws IOException {
            if (y < MARGIN + size) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(fit(PrintableText.of(font, text), size));
            stream.endText();
            y -= Math.max(LEADING, size * 1.5f);
        }

        /** Cuts a line to the page width with an ellipsis (requirement titles can be long). */
        private String fit(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            String t = text;
            while (t.length() > 2 && font.getStringWidth(t) / 1000 * size > width) {
                t = t.substring(0, t.length() - 2) + "…";
            }
            return t;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
