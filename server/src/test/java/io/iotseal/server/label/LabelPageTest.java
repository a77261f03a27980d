package io.iotseal.server.label;

import io.iotseal.server.page.Templates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabelPageTest {

    @Test
    void everyValueIsEscaped() {
        LabelPage.Facts facts = new LabelPage.Facts("ABC", "REG-1", "JC-STAR", "<b>★1</b>",
                "Evil <script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", List.of("M<1>"), List.of("1&2"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), LocalDate.of(2030, 1, 1), "suspended",
                "<i>why</i>", null, "javascript:alert(1)", "<a>", new LabelPage.Lifecycle(null, null,
                "<u>not retrieved</u>", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 4, 20), "\"><s>", LocalDate.of(2028, 1, 1)), false, false,
                new LabelPage.Security(List.of(new LabelPage.SecurityEntry("CVE-<1>", "HIGH", true, "<b>busybox</b> 1.36",
                        "1&2", "affected", null, "<script>update()</script>", "1.1<", false, false)), null),
                List.of(new LabelPage.Update("firmware-update", "<b>2.0</b>", LocalDate.of(2026, 10, 1),
                        List.of("CVE-2026-<1>"), null, LocalDate.of(2026, 10, 2))), "<b>FP</b>",
                "/products/p1/openpgp-key.asc");
        String html = Templates.render("label/page.jte", Templates.anonymousPage(Locale.ENGLISH, "/l/ABC"),
                Map.of("label", facts));
        assertThat(html).doesNotContain("<script>", "<img src=x", "<b>", "<i>", "href=\"javascript", "<u>", "<s>");
        assertThat(html).contains("Firmware &lt;b&gt;2.0&lt;/b&gt; released on 2026-10-01.", "Fixes CVE-2026-&lt;1&gt;.",
                "Acknowledged by the scheme operator on 2026-10-02.");
        assertThat(html).contains("CVE-&lt;1&gt;", "&lt;b&gt;busybox&lt;/b&gt;", "&lt;script&gt;update()",
                "Fixed in version 1.1&lt;", "Known to be exploited (CISA KEV)", "High", "Affected",
                "Download the key (fingerprint &lt;b&gt;FP&lt;/b&gt;)", "href=\"/products/p1/openpgp-key.asc\"",
                "No advisory data has been checked for this product yet.");
        assertThat(html).contains("&lt;script&gt;", "Suspended", "&lt;i&gt;why&lt;/i&gt;", "&lt;u&gt;not retrieved",
                "after 2026-06-01 unless the declaration is updated (requirements changed on 2026-04-20)");
    }

    @Test
    void japaneseComesFromItsBundle() {
        LabelPage.Facts facts = new LabelPage.Facts("ABC", "REG-1", "JC-STAR", "★1", "Vendor", "Router",
                List.of("M1"), List.of("1.0"), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1),
                LocalDate.of(2030, 1, 1), "valid", null, null, null, null, null, false, true,
                new LabelPage.Security(List.of(), java.time.OffsetDateTime.parse("2026-11-30T10:00:00Z")),
                List.of(new LabelPage.Update("support-period", null, null, List.of(), LocalDate.of(2031, 3, 31),
                        LocalDate.of(2026, 11, 1))), null, null);
        String html = Templates.render("label/page.jte", Templates.anonymousPage(Locale.JAPANESE, "/l/ABC"),
                Map.of("label", facts));
        assertThat(html).contains("lang=\"ja\"", "IoTセキュリティラベル REG-1", "有効", "保証の限界", "（未登録）",
                "デモデータ: 実在の製品・適合宣言ではありません。", "Demo data: not a real product or declaration.",
                "ベンダーから届け出られた更新", "サポート期間の終了日は 2031-03-31 になりました。", "2026-11-01 に制度運用者が確認。",
                "セキュリティ情報", "脆弱性情報の最終確認日: 2026-11-30（UTC）", "脆弱性が存在しないことを意味するものではありません");
    }
}
