package io.iotseal.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.disclosure.CraDrafts;
import io.iotseal.disclosure.CraReportDraft;
import io.iotseal.disclosure.CraReportInput;
import io.iotseal.disclosure.CraReportInput.CorrectiveMeasure;
import io.iotseal.disclosure.CraReportInput.Manufacturer;
import io.iotseal.disclosure.CraReportInput.Sensitivity;
import io.iotseal.disclosure.CraReportInput.Severity;
import io.iotseal.disclosure.CraStage;
import io.iotseal.server.assessment.DeclarationProperties;
import io.iotseal.server.page.PageConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF of a CRA draft, read back with PDFBox's own text extraction: every field of the draft, Japanese and
 * English, is in the text, labelled in the reader's language, with the IPAex font embedded. Page 1 is also
 * written to target/cra-draft-*.png for a person to look at.
 */
class CraDraftPdfTest {
    private static final String LONG_DESCRIPTION = "ウェブ管理画面の認証を回避できる脆弱性があり、細工したHTTPリクエストにより"
            + "管理者権限で設定を変更される。An unauthenticated attacker on the network can send a crafted request to"
            + " /cgi-bin/admin and change any setting, including the administrator password, without logging in.";

    private final CraDraftPdf pdf = new CraDraftPdf(new DeclarationProperties(null), PageConfig.messages());

    private static CraReportDraft draft(CraStage stage) throws Exception {
        CraReportInput input = new CraReportInput(new Manufacturer("株式会社サンプル電機 (Sample Denki KK)", "psirt@sample-denki.example"),
                "ネットワークカメラ NC-200", List.of("2.1.0", "2.1.1"), "IOTSEAL-CASE-42", "CVE-2026-12345",
                LONG_DESCRIPTION, "細工したHTTPリクエスト / crafted HTTP request",
                new Severity("CRITICAL", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
                "カメラの乗っ取り / takeover of the camera", true, null, "設定配信でウェブ画面を無効化",
                "ポート80を遮断する / block port 80", Sensitivity.AMBER, null,
                new CorrectiveMeasure("ファームウェア 2.1.2 / firmware 2.1.2", List.of("2.1.2")),
                Instant.parse("2026-10-20T09:00:00Z"), Instant.parse("2026-10-05T10:17:00Z"));
        return CraDrafts.build(stage, input, Instant.parse("2026-10-20T12:00:00Z"));
    }

    private static String text(byte[] bytes) throws Exception {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Whitespace and line breaks gone, so a wrapped value is found whole. */
    private static String joined(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void theFinalReportInJapaneseShowsEveryFieldWithJapaneseLabels() throws Exception {
        byte[] bytes = pdf.render(draft(CraStage.FINAL_REPORT), Locale.JAPANESE);
        String text = text(bytes);
        assertThat(joined(text)).as("the notice, maybe wrapped").contains("IoTSealは提出しません");
        assertThat(text).contains("CRA報告の下書き:最終報告(第14条第2項(c))",
                "製造者", "株式会社サンプル電機 (Sample Denki KK)", "製品", "ネットワークカメラ NC-200",
                "影響を受けるバージョン", "2.1.0, 2.1.1", "CVE-2026-12345", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "9.8", "カメラの乗っ取り / takeover of the camera", "修正済みバージョン", "2.1.2",
                "2026-10-20T09:00:00Z", "悪意ある行為者", "不明", "iotseal-cra-draft/1");
        assertThat(text).as("the stage is named in the reader's language, not by its JSON id").doesNotContain("final-report");
        assertThat(joined(text)).as("the long description, wrapped over lines, is all there")
                .contains(joined(LONG_DESCRIPTION));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("IPAexGothic");
            assertThat(font.isEmbedded()).isTrue();
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 100);
            Path out = Path.of("target", "cra-draft-final-report-ja.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(page, "png", out.toFile());
        }
    }

    @Test
    void theEarlyWarningInEnglishShowsEnglishLabelsAndOnlyItsFields() throws Exception {
        byte[] bytes = pdf.render(draft(CraStage.EARLY_WARNING), Locale.ENGLISH);
        String text = text(bytes);
        assertThat(joined(text)).as("the notice, maybe wrapped").contains(joined("IoTSeal does not submit it"));
        assertThat(text).contains("CRA report draft: early warning (Art. 14(2)(a))",
                "Manufacturer", "株式会社サンプル電機 (Sample Denki KK)", "Product", "ネットワークカメラ NC-200",
                "Member States where the product is made available", "unknown", "Actively exploited", "yes",
                "2026-10-05T10:17:00Z", "Regulation (EU) 2024/2847, Art. 14(2)(a)",
                "Manufacturer's contact", "IoTSeal's own; ENISA has not published the platform's format");
        assertThat(text).as("the early warning carries no final-report fields")
                .doesNotContain("CVSS", "Fixed versions", LONG_DESCRIPTION.substring(0, 10));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png",
                    Path.of("target", "cra-draft-early-warning-en.png").toFile());
        }
    }
}
