package io.iotseal.server.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of notice a label holder sends the operator (issue 17 item 5, ADR 0100): JC-STAR's change
 * notifications and reports (変更届・報告届) and BSI-ITSiKV §7's duty to report changes, vulnerabilities and
 * their fixes, as typed records instead of e-mail. {@code fields}: the input fields the kind takes (any other
 * kind's field is refused, naming it); {@code code}: the API's and the pages' name.
 */
public enum NoticeKind {
    FIRMWARE_UPDATE("firmware-update", List.of("firmwareVersion", "releaseDate", "changes", "securityFixes")),
    COMPANY_OR_PRODUCT("company-or-product", List.of("newLegalName", "newLegalNameJa", "newProductName", "newModel")),
    VULNERABILITY("vulnerability", List.of("vulnerabilityId", "status", "fixedVersion")),
    SUPPORT_PERIOD("support-period", List.of("newSupportEnd"));

    private final String code;
    private final List<String> fields;

    NoticeKind(String code, List<String> fields) {
        this.code = code;
        this.fields = fields;
    }

    public String code() {
        return code;
    }

    List<String> fields() {
        return fields;
    }

    static Optional<NoticeKind> ofCode(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(k -> k.code.equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(NoticeKind::code).toList();
    }
}
