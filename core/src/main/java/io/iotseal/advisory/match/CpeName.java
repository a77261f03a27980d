package io.iotseal.advisory.match;

import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.values.Part;

import java.util.Locale;

/**
 * The parts of a CPE name matching looks at, unescaped and lower-cased (CPE names compare case-insensitively):
 * parsed by {@code us.springett:cpe-parser}, which reads 2.3 formatted strings and 2.2 URIs.
 *
 * @param part    a, o, h, or null for ANY
 * @param vendor  the vendor
 * @param product the product
 * @param version the version, or null when ANY ({@code *}) or NA ({@code -})
 */
record CpeName(String part, String vendor, String product, String version) {

    /** @throws IllegalArgumentException naming the field when it is not a CPE 2.3 string or 2.2 URI */
    static CpeName parse(String field, String cpe) {
        Cpe parsed;
        try {
            parsed = CpeParser.parse(cpe, true);
        } catch (CpeParsingException | RuntimeException e) {
            throw new IllegalArgumentException(field + ": not a CPE 2.3 name or 2.2 URI: " + cpe, e);
        }
        String part = parsed.getPart() == Part.ANY ? null : parsed.getPart().getAbbreviation();
        return new CpeName(part, lower(parsed.getVendor()), lower(parsed.getProduct()), version(parsed.getVersion()));
    }

    String key() {
        return vendor + ':' + product;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String version(String v) {
        return v == null || v.isEmpty() || v.equals("*") || v.equals("-") ? null : v;
    }
}
