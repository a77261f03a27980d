package io.iotseal.advisory.feed;

import io.iotseal.advisory.AffectedCpe;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeBuilder;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.exceptions.CpeValidationException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVN names a product by CPE (usually a CPE 2.2 URI without version) and its affected versions as free text
 * ({@code VersionNumber}: "8.1", "3.4.10 and earlier", "1.0 から 1.2"). Only texts of a few fixed forms become
 * bounds; anything else is a warning, never a guessed range (ADR 0092). CPEs are turned into CPE 2.3 formatted
 * strings by Dependency-Check's {@code cpe-parser}.
 */
final class JvnVersions {

    /** A version token: starts with a digit, no spaces. */
    private static final String V = "([0-9][0-9A-Za-z._+\\-]*)";
    private static final String PREFIX = "(?:(?:ver(?:sion)?\\.?|v)\\s*)?";
    private static final Pattern EXACT = Pattern.compile(PREFIX + V, Pattern.CASE_INSENSITIVE);
    private static final Pattern UP_TO_INCLUDING = Pattern.compile(
            PREFIX + V + "\\s*(?:and earlier|and prior|or earlier|およびそれ以前|以前)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE = Pattern.compile(
            "(?:(?:versions? )?(?:prior to|before|earlier than)\\s+)" + PREFIX + V, Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE_JA = Pattern.compile(PREFIX + V + "\\s*(?:未満|より前)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN = Pattern.compile(
            PREFIX + V + "\\s*(?:\\s-\\s|\\s(?:to|through)\\s|から|～|〜)\\s*" + PREFIX + V + "(?:\\s*まで)?",
            Pattern.CASE_INSENSITIVE);

    private JvnVersions() {
    }

    /** A CPE 2.2 URI or 2.3 formatted string, parsed. */
    static Cpe parse(String text) throws CpeParsingException {
        return CpeParser.parse(text.strip());
    }

    /**
     * The affected statements for one JVN product: the CPE as it is when it carries a version; otherwise one
     * per version text that has one of the known forms. Every text that does not is reported through {@code warn}.
     */
    static List<AffectedCpe> affected(Cpe cpe, List<String> versionTexts, Consumer<String> warn) {
        String any = withVersion(cpe, "*");
        if (!"*".equals(cpe.getVersion()) && !"-".equals(cpe.getVersion())) {
            return List.of(new AffectedCpe(cpe.toCpe23FS(), null, null, null, null));
        }
        if (versionTexts.isEmpty()) {
            warn.accept(any + " names no version and no version text is given; it is not matched");
            return List.of();
        }
        List<AffectedCpe> out = new ArrayList<>();
        for (String raw : versionTexts) {
            String t = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
            Matcher m;
            if ((m = EXACT.matcher(t)).matches()) {
                out.add(new AffectedCpe(withVersion(cpe, m.group(1)), null, null, null, null));
            } else if ((m = UP_TO_INCLUDING.matcher(t)).matches()) {
                out.add(new AffectedCpe(any, null, null, m.group(1), null));
            } else if ((m = BEFORE.matcher(t)).matches() || (m = BEFORE_JA.matcher(t)).matches()) {
                out.add(new AffectedCpe(any, null, null, null, m.group(1)));
            } else if ((m = BETWEEN.matcher(t)).matches()) {
                out.add(new AffectedCpe(any, m.group(1), null, m.group(2), null));
            } else {
                warn.accept(any + ": version text '" + raw.strip() + "' is not a version or a range we can read;"
                        + " it is not matched");
            }
        }
        return out;
    }

    /** The CPE 2.3 formatted string of {@code cpe} with its version replaced ({@code *} for any). */
    private static String withVersion(Cpe cpe, String version) {
        try {
            CpeBuilder b = new CpeBuilder().part(cpe.getPart())
                    .wfVendor(cpe.getWellFormedVendor()).wfProduct(cpe.getWellFormedProduct())
                    .wfUpdate(cpe.getWellFormedUpdate()).wfEdition(cpe.getWellFormedEdition())
                    .wfLanguage(cpe.getWellFormedLanguage()).wfSwEdition(cpe.getWellFormedSwEdition())
                    .wfTargetSw(cpe.getWellFormedTargetSw()).wfTargetHw(cpe.getWellFormedTargetHw())
                    .wfOther(cpe.getWellFormedOther());
            return ("*".equals(version) ? b.wfVersion("*") : b.version(version)).build().toCpe23FS();
        } catch (CpeValidationException e) {
            throw new IllegalArgumentException("cannot set version '" + version + "' on " + cpe.toCpe23FS(), e);
        }
    }
}
