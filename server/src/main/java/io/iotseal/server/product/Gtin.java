package io.iotseal.server.product;

import io.iotseal.server.web.ApiException;

/**
 * A GS1 trade item number (GTIN-8, UPC-A as GTIN-12, EAN/JAN as GTIN-13, GTIN-14), checked with the GS1
 * check digit (mod 10, weights 3 and 1 from the right) and kept in its 14-digit form, so the same item
 * found through its JAN-13 or its GTIN-14 spelling is one key (ADR 0080).
 */
public final class Gtin {

    private Gtin() {
    }

    /** The 14-digit form of {@code text}, or a 400 naming {@code field} when it is not a valid GTIN. */
    public static String normalize(String field, String text) {
        String digits = text == null ? "" : text.strip();
        int n = digits.length();
        if (!(n == 8 || n == 12 || n == 13 || n == 14) || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.invalid(field, "must be a GTIN of 8, 12, 13 or 14 digits");
        }
        if (checkDigit(digits.substring(0, n - 1)) != digits.charAt(n - 1) - '0') {
            throw ApiException.invalid(field, "wrong GS1 check digit");
        }
        return "0".repeat(14 - n) + digits;
    }

    /** The GS1 check digit of the digits before it: from the right, weights 3, 1, 3, 1, ... */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }
}
