package io.iotseal.label;

import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Scheme;
import io.iotseal.scheme.SchemeLevel;
import io.iotseal.scheme.Validity;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Builds a {@link Label} from a scheme's data: its registration number format and the level's
 * validity. The registry calls this when an operator accepts an assessment.
 */
public final class LabelIssuer {
    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

    private LabelIssuer() {
    }

    /**
     * @param productId the operator's product or application number, used in the registration number
     * @throws IllegalArgumentException naming the field when the input or the scheme data does not allow a label
     */
    public static Label issue(Scheme scheme, String levelId, String id, String productId, Product product,
                              LocalDate issued, int statusIndex) {
        SchemeLevel level = scheme.level(levelId).orElseThrow(() -> new IllegalArgumentException(
                "level: scheme '" + scheme.id() + "' has no level '" + levelId + "'"));
        LabelLimits.checkIdentifier(productId, "productId", LabelLimits.PRODUCT_ID_CHARS);
        if (issued == null) {
            throw new IllegalArgumentException("missing required field 'issued'");
        }
        Validity validity = level.validity();
        LocalDate bySchemeData = validity == null ? null : validity.expiry(issued, product.supportPeriodEnd()).orElse(null);
        if (bySchemeData == null) {
            throw new IllegalArgumentException("level: " + scheme.id() + ":" + levelId
                    + " has no known maximum validity or regular term in the scheme data, so no expiry can be computed");
        }
        // A label never outlives the product's defined support period, even where the scheme data does
        // not say whether the scheme caps validity there (JC-STAR): a label on an unsupported product
        // would tell consumers the opposite of the truth.
        LocalDate expiry = bySchemeData.isAfter(product.supportPeriodEnd()) ? product.supportPeriodEnd() : bySchemeData;
        if (!expiry.isAfter(issued)) {
            throw new IllegalArgumentException("product.supportPeriodEnd " + product.supportPeriodEnd()
                    + " leaves no validity after the issue date " + issued);
        }
        String registrationNumber = registrationNumber(scheme, levelId, productId, expiry);
        return new Label(id, registrationNumber, new LevelRef(scheme.id(), levelId), product, issued, expiry, statusIndex);
    }

    /**
     * The scheme's own format when its data gives one (CLS: {@code CSA/<label expiry DDMMYY>/<product ID>});
     * otherwise IoTSeal's {@code <SCHEME>-<LEVEL>-<product ID>}, upper case (README, Labels).
     */
    public static String registrationNumber(Scheme scheme, String levelId, String productId, LocalDate expiry) {
        var format = scheme.registrationNumber();
        if (format == null || format.format() == null) {
            return (scheme.id() + "-" + levelId + "-" + productId).toUpperCase(java.util.Locale.ROOT);
        }
        String result = format.format()
                .replace("<label expiry DDMMYY>", DDMMYY.format(expiry))
                .replace("<product ID>", productId);
        if (result.contains("<") || result.contains(">")) {
            throw new IllegalArgumentException("registrationNumber.format of scheme '" + scheme.id()
                    + "' has a placeholder IoTSeal does not know: " + format.format());
        }
        return result;
    }
}
