package io.iotseal.label.qr;

import io.iotseal.label.Label;
import io.iotseal.label.LabelFacts;
import io.iotseal.label.RegistryUrls;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The QR text of a label: {@code <labelPageBase><token>}, an https URL that opens the public page
 * and whose last path segment is a COSE_Sign1 (RFC 9052, EdDSA) over the essential claims, in
 * base32 so it is encoded in QR alphanumeric mode (ADR 0031). A full vc+jwt needs QR version 33;
 * this fits version 15 at level M for the largest label IoTSeal allows.
 *
 * <p>Claims (CBOR map, integer keys): 1 label id, 2 registration number, 3 scheme:level, 4 vendor,
 * 5 English product name, 6 model numbers (as many as fit), 7 model numbers left out, 8 versions,
 * 9 first valid day and 10 last valid day (epoch days, UTC), 11 status list index, 12 versions
 * left out. Model numbers and versions that do not fit are counted, and listed in the credential.
 */
public final class QrToken {
    /** Longest QR text accepted for verification: a version 40 symbol holds at most 4,296 alphanumerics. */
    public static final int MAX_TEXT_CHARS = 1_200;
    private static final long COSE_SIGN1_TAG = 18;
    private static final long ALG = 1;
    private static final long KID = 4;
    private static final long EDDSA = -8;

    private QrToken() {
    }

    /**
     * The QR text for {@code label}, with as many model numbers as fit QR version 15-M; the others are
     * counted in claim 7 and listed in the credential and on the public page.
     *
     * @throws IllegalArgumentException when not even one model number fits (the caps should prevent it)
     */
    public static String issue(Label label, RegistryUrls urls, SigningKey key) {
        int models = label.product().models().size();
        int versions = label.product().versions().size();
        String fitting = text(label, urls, key, 1, 0);
        if (!fits(fitting)) {
            throw new IllegalArgumentException("label " + label.id() + " does not fit a QR code of version "
                    + QrCodes.MAX_VERSION + " at level M even with one model number: shorten product.vendor, "
                    + "product.name.en or the first model number, or use a shorter labelPageBase");
        }
        // Fitting is monotonic in the entries shown: add versions, then model numbers, while they fit.
        int shownVersions = 0;
        while (shownVersions < versions) {
            String next = text(label, urls, key, 1, shownVersions + 1);
            if (!fits(next)) {
                break;
            }
            fitting = next;
            shownVersions++;
        }
        for (int shownModels = 2; shownModels <= models; shownModels++) {
            String next = text(label, urls, key, shownModels, shownVersions);
            if (!fits(next)) {
                break;
            }
            fitting = next;
        }
        return fitting;
    }

    private static String text(Label label, RegistryUrls urls, SigningKey key, int shownModels, int shownVersions) {
        return urls.labelPageBase() + Base32.encode(sign(claims(label, shownModels, shownVersions), key));
    }

    private static boolean fits(String text) {
        try {
            return QrCodes.version(text) <= QrCodes.MAX_VERSION;
        } catch (IllegalArgumentException tooBigForAnyVersion) {
            return false;
        }
    }

    private static byte[] claims(Label label, int shownModels, int shownVersions) {
        List<String> models = label.product().models();
        List<String> versions = label.product().versions();
        boolean modelsOmitted = shownModels < models.size();
        boolean versionsOmitted = shownVersions < versions.size();
        Cbor.Writer w = new Cbor.Writer().map(10 + (modelsOmitted ? 1 : 0) + (versionsOmitted ? 1 : 0));
        w.integer(1).text(label.id());
        w.integer(2).text(label.registrationNumber());
        w.integer(3).text(label.level().toString());
        w.integer(4).text(label.product().vendor());
        w.integer(5).text(label.product().name().en());
        w.integer(6).array(shownModels);
        models.subList(0, shownModels).forEach(w::text);
        if (modelsOmitted) {
            w.integer(7).integer(models.size() - shownModels);
        }
        w.integer(8).array(shownVersions);
        versions.subList(0, shownVersions).forEach(w::text);
        w.integer(9).integer(label.issued().toEpochDay());
        w.integer(10).integer(label.expiry().toEpochDay());
        w.integer(11).integer(label.statusIndex());
        if (versionsOmitted) {
            w.integer(12).integer(versions.size() - shownVersions);
        }
        return w.toBytes();
    }

    private static byte[] sign(byte[] payload, SigningKey key) {
        byte[] protectedHeader = new Cbor.Writer().map(2).integer(ALG).integer(EDDSA)
                .integer(KID).bytes(key.kid().getBytes(StandardCharsets.US_ASCII)).toBytes();
        byte[] signature = key.sign(sigStructure(protectedHeader, payload));
        return new Cbor.Writer().tag(COSE_SIGN1_TAG).array(4).bytes(protectedHeader).map(0).bytes(payload)
                .bytes(signature).toBytes();
    }

    /** The COSE Sig_structure for COSE_Sign1 with no external data (RFC 9052, section 4.4). */
    private static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        return new Cbor.Writer().array(4).text("Signature1").bytes(protectedHeader).bytes(new byte[0]).bytes(payload)
                .toBytes();
    }

    /** The token part of a QR text, without checking anything: lets the registry route a scan to its page. */
    public static String tokenOf(String qrText) {
        return qrText.substring(qrText.lastIndexOf('/') + 1);
    }

    /** The parts of a COSE_Sign1 token, read but not verified. */
    private record Sign1(byte[] protectedHeader, byte[] payload, byte[] signature) {
    }

    private static Sign1 parse(String token) throws VerificationException {
        Object cose;
        try {
            cose = Cbor.read(Base32.decode(token));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the QR text carries no readable label token (" + e.getMessage() + ")", e);
        }
        if (!(cose instanceof Cbor.Tagged tagged) || tagged.tag() != COSE_SIGN1_TAG
                || !(tagged.value() instanceof List<?> parts) || parts.size() != 4
                || !(parts.get(0) instanceof byte[] protectedHeader) || !(parts.get(1) instanceof Map<?, ?> unprotected)
                || !(parts.get(2) instanceof byte[] payload) || !(parts.get(3) instanceof byte[] signature)) {
            throw new VerificationException("the QR token is not a COSE_Sign1 message");
        }
        if (!unprotected.isEmpty()) {
            throw new VerificationException("the QR token has unprotected header parameters");
        }
        return new Sign1(protectedHeader, payload, signature);
    }

    /**
     * The label id claimed inside a token, read <em>without</em> checking its signature: how the registry
     * finds the label a scan opens, whatever case the scanner gave the URL (ADR 0031). The registry then
     * shows the label only if the token is one it issued for it ({@link #sameToken}).
     */
    public static Optional<String> labelIdOf(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TEXT_CHARS) {
            return Optional.empty();
        }
        try {
            return Cbor.read(parse(token).payload()) instanceof Map<?, ?> claims && claims.get(1L) instanceof String id
                    ? Optional.of(id) : Optional.empty();
        } catch (VerificationException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * True when two tokens are the same bytes: base32 ignores case, and some scanners lower-case the
     * URLs they read, so the registry compares the bytes, not the text.
     */
    public static boolean sameToken(String scanned, String issued) {
        try {
            return java.util.Arrays.equals(Base32.decode(scanned), Base32.decode(issued));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Verifies the signature of a QR text's token and returns its claims. */
    public static LabelFacts verify(String qrText, TrustedKeys trusted) throws VerificationException {
        if (qrText == null || qrText.isBlank()) {
            throw new VerificationException("the QR text is empty");
        }
        qrText = qrText.strip();
        if (qrText.length() > MAX_TEXT_CHARS) {
            throw new VerificationException("the QR text has " + qrText.length() + " characters, over the limit of "
                    + MAX_TEXT_CHARS + ": not an IoTSeal label");
        }
        boolean https = qrText.regionMatches(true, 0, "https://", 0, 8) && qrText.indexOf('/', 8) > 0;
        if (!https && !io.iotseal.label.RegistryUrls.isLoopbackHttp(qrText.toLowerCase(java.util.Locale.ROOT))) {
            throw new VerificationException("the QR text is not an https URL of a label page");
        }
        Sign1 cose = parse(tokenOf(qrText));
        byte[] protectedHeader = cose.protectedHeader();
        byte[] payload = cose.payload();
        byte[] signature = cose.signature();
        Map<?, ?> header;
        try {
            header = Cbor.read(protectedHeader) instanceof Map<?, ?> m ? m : Map.of();
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the QR token's protected header is not CBOR", e);
        }
        if (!Long.valueOf(EDDSA).equals(header.get(ALG)) || header.size() != 2) {
            throw new VerificationException("the QR token's algorithm " + header.get(ALG) + " is not allowed (only EdDSA, -8)");
        }
        if (!(header.get(KID) instanceof byte[] kidBytes)) {
            throw new VerificationException("the QR token has no kid");
        }
        String kid = new String(kidBytes, StandardCharsets.US_ASCII);
        VerificationKey key = trusted.find(kid)
                .orElseThrow(() -> new VerificationException("key '" + kid + "' is not in the trusted JWKS"));
        if (!key.verify(sigStructure(protectedHeader, payload), signature)) {
            throw new VerificationException("the QR token's signature does not verify with key " + kid);
        }
        try {
            return facts(Cbor.read(payload), kid);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new VerificationException("the QR token's claims are malformed: " + e.getMessage(), e);
        }
    }

    private static LabelFacts facts(Object claims, String kid) throws VerificationException {
        if (!(claims instanceof Map<?, ?> c)) {
            throw new VerificationException("the QR token's claims are not a map");
        }
        List<String> models = strings(c.get(6L), "models");
        long omitted = c.containsKey(7L) ? number(c.get(7L), "models left out") : 0;
        long versionsOmitted = c.containsKey(12L) ? number(c.get(12L), "versions left out") : 0;
        return new LabelFacts(text(c.get(1L), "id"), text(c.get(2L), "registration number"), text(c.get(3L), "level"),
                text(c.get(4L), "vendor"), Map.of("en", text(c.get(5L), "product name")), models, (int) omitted,
                strings(c.get(8L), "versions"), (int) versionsOmitted,
                io.iotseal.label.Label.startOfDay(LocalDate.ofEpochDay(number(c.get(9L), "first valid day"))),
                io.iotseal.label.Label.endOfDay(LocalDate.ofEpochDay(number(c.get(10L), "last valid day"))),
                (int) number(c.get(11L), "status index"), null, kid);
    }

    private static String text(Object value, String field) throws VerificationException {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new VerificationException("the QR token's " + field + " is missing");
        }
        return s;
    }

    private static long number(Object value, String field) throws VerificationException {
        if (!(value instanceof Long n) || n < 0 || n > (1L << 24)) {
            throw new VerificationException("the QR token's " + field + " is missing or out of range");
        }
        return n;
    }

    private static List<String> strings(Object value, String field) throws VerificationException {
        if (!(value instanceof List<?> list)) {
            throw new VerificationException("the QR token's " + field + " are missing");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            result.add(text(item, field));
        }
        return result;
    }
}
