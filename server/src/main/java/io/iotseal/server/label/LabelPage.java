package io.iotseal.server.label;

import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The public label page's HTML; every value from the database or the standards data is escaped. */
final class LabelPage {

    private LabelPage() {
    }

    record Facts(String labelId, String registrationNumber, String scheme, String level, String vendor, String product,
                 List<String> models, List<String> versions, LocalDate issued, LocalDate expiry, LocalDate supportEnd,
                 String status, String reason, OffsetDateTime statusSince, String vulnerabilityUrl,
                 String vulnerabilityContact, Lifecycle lifecycle, boolean replacedCode, boolean demo) {
    }

    /**
     * Renewal and lapse (ADR 0053): the window, or null dates and the scheme data's note where it is not
     * known; the pending lapse; the label that renewed this one.
     */
    record Lifecycle(LocalDate renewalOpens, LocalDate renewalCloses, String renewalNote, LocalDate lapseOn,
                     LocalDate requirementsChangedOn, String renewedBy, LocalDate renewedByExpiry) {
    }

    static String render(Facts f, String lang) {
        boolean ja = "ja".equals(lang);
        StringBuilder html = new StringBuilder(4096);
        head(html, lang, ja ? "IoTセキュリティラベル " + f.registrationNumber() : "IoT security label " + f.registrationNumber());
        html.append("<p class=\"switch\"><a href=\"?lang=").append(ja ? "en\" hreflang=\"en\">English" : "ja\" hreflang=\"ja\">日本語")
                .append("</a></p>\n");
        if (f.demo()) {
            // In both languages whatever the page's: whoever opens a demo label must not take it for a real one.
            html.append("<p class=\"demo\" role=\"note\">デモデータ: 実在の製品・適合宣言ではありません。<br>")
                    .append("Demo data: not a real product or declaration.</p>\n");
        }
        html.append("<p class=\"status ").append(e(f.status())).append("\">").append(e(statusText(f.status(), ja)));
        if (f.reason() != null && !"valid".equals(f.status())) {
            html.append("<br>").append(ja ? "理由: " : "Reason: ").append(e(f.reason()));
        }
        if (f.statusSince() != null && !"valid".equals(f.status()) && !"expired".equals(f.status())) {
            html.append("<br>").append(ja ? "日時: " : "Since: ")
                    .append(e(f.statusSince().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString()));
        }
        html.append("</p>\n");
        if (f.replacedCode()) {
            // Scanned from a code printed before a re-issue (ADR 0054): the facts below are the registry's, but
            // the printed code's signature is by a removed key and no offline verifier accepts it any more.
            html.append("<p class=\"status invalid\">").append(ja
                    ? "この印刷されたQRコードは取り下げられた鍵で署名されており、オフラインでは検証できません。"
                    + "ラベルは再発行されました。ベンダーは印刷されたラベルを差し替える必要があります。"
                    : "This printed QR code was signed with a withdrawn key and no longer verifies offline. The label"
                    + " has been re-issued; the vendor must replace the printed label.").append("</p>\n");
        }
        html.append("<dl>\n");
        row(html, ja ? "製品" : "Product", f.product());
        row(html, ja ? "ベンダー" : "Vendor", f.vendor());
        row(html, ja ? "型番" : "Model numbers", String.join(", ", f.models()));
        row(html, ja ? "対象バージョン" : "Versions covered", String.join(", ", f.versions()));
        row(html, ja ? "制度・レベル" : "Scheme and level", f.scheme() + " — " + f.level());
        row(html, ja ? "登録番号" : "Registration number", f.registrationNumber());
        row(html, ja ? "有効期間" : "Valid", f.issued() + " – " + f.expiry());
        row(html, ja ? "サポート期間の終了" : "Security support ends", String.valueOf(f.supportEnd()));
        if (f.lifecycle() != null) {
            lifecycle(html, f.lifecycle(), f.status(), ja);
        }
        html.append("<dt>").append(ja ? "脆弱性の報告先" : "Report a vulnerability").append("</dt><dd>");
        if (f.vulnerabilityUrl() != null && f.vulnerabilityUrl().startsWith("https://")) {
            html.append("<a href=\"").append(e(f.vulnerabilityUrl())).append("\" rel=\"noopener noreferrer\">")
                    .append(e(f.vulnerabilityUrl())).append("</a>");
        } else if (f.vulnerabilityUrl() != null) {
            html.append(e(f.vulnerabilityUrl()));
        }
        if (f.vulnerabilityContact() != null) {
            html.append(f.vulnerabilityUrl() != null ? "<br>" : "").append(e(f.vulnerabilityContact()));
        }
        if (f.vulnerabilityUrl() == null && f.vulnerabilityContact() == null) {
            html.append(ja ? "（未登録）" : "(not given)");
        }
        html.append("</dd>\n</dl>\n");
        limitsOfAssurance(html, ja);
        html.append("<p class=\"note\">").append(ja
                ? "このラベルは署名付きの資格情報です。QRコードはオフラインでも検証できます。"
                : "This label is a signed credential; its QR code can also be verified offline.").append("</p>\n");
        return html.append("</body>\n</html>\n").toString();
    }

    /**
     * What a label does not say (ISO/IEC 27404's limits of assurance; JC-STAR's label guidance forbids claims such
     * as "no vulnerabilities"), in the page's language: the same for every scheme, so it is page text, not data.
     */
    private static void limitsOfAssurance(StringBuilder html, boolean ja) {
        html.append("<h2>").append(ja ? "保証の限界" : "Limits of assurance").append("</h2>\n<p class=\"limits\">")
                .append(ja ? "このラベルは正式なセキュリティ評価・認証ではなく、製品に脆弱性がないことや、あらゆる環境で"
                        + "安全であることを示すものではありません。ラベルの有無にかかわらず、製品が攻撃を受ける可能性があります。"
                        : "This label is not a formal security evaluation or certification. It does not mean that the"
                        + " product has no vulnerabilities or is secure in every environment; a labelled product can still"
                        + " be compromised by attackers.").append("</p>\n");
    }

    private static void lifecycle(StringBuilder html, Lifecycle l, String status, boolean ja) {
        if (l.renewedBy() != null) {
            html.append("<dt>").append(ja ? "更新後のラベル" : "Renewed as").append("</dt><dd><a href=\"")
                    .append(e(l.renewedBy())).append(ja ? "?lang=ja" : "?lang=en").append("\">").append(e(l.renewedBy()))
                    .append("</a>").append(e(ja ? "（有効期限 " + l.renewedByExpiry() + "）"
                            : " (valid until " + l.renewedByExpiry() + ")")).append("</dd>\n");
        }
        if ("revoked".equals(status)) {
            return;
        }
        String window;
        if (l.renewalOpens() != null) {
            window = l.renewalOpens() + " – " + l.renewalCloses();
        } else {
            String note = l.renewalNote() == null ? "" : (ja ? "。制度データの注記: " : ". The scheme data notes: ") + l.renewalNote();
            window = (ja ? "不明（制度データに記載がありません" : "Not known (the scheme data does not state it") + note
                    + (ja ? "）" : ")");
        }
        row(html, ja ? "更新申請期間" : "Renewal can be requested", window);
        if (l.lapseOn() != null) {
            row(html, ja ? "失効予定" : "Lapses", ja
                    ? l.lapseOn() + " を過ぎると失効します（" + l.requirementsChangedOn() + " の要件変更に対し宣言が更新されない場合）"
                    : "after " + l.lapseOn() + " unless the declaration is updated (requirements changed on "
                    + l.requirementsChangedOn() + ")");
        }
    }

    static String notFound(String lang) {
        boolean ja = "ja".equals(lang);
        StringBuilder html = new StringBuilder();
        head(html, lang, ja ? "ラベルが見つかりません" : "Label not found");
        html.append("<p class=\"status invalid\">").append(ja
                ? "このラベルは登録されていません。偽造の可能性があります。"
                : "No such label is registered. It may be counterfeit.").append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void head(StringBuilder html, String lang, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append("ja".equals(lang) ? "ja" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(title)).append("</title>\n<link rel=\"stylesheet\" href=\"/assets/label-page.css\">\n")
                .append("</head>\n<body>\n<h1>")
                .append(e(title)).append("</h1>\n");
    }

    private static void row(StringBuilder html, String term, String value) {
        html.append("<dt>").append(e(term)).append("</dt><dd>").append(e(value == null ? "" : value)).append("</dd>\n");
    }

    private static String statusText(String status, boolean ja) {
        return switch (status) {
            case "valid" -> ja ? "有効" : "Valid";
            case "suspended" -> ja ? "一時停止中" : "Suspended";
            case "revoked" -> ja ? "取消し" : "Revoked";
            case "expired" -> ja ? "有効期限切れ" : "Expired";
            default -> status;
        };
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
