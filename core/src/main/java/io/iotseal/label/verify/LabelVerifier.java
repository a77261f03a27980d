package io.iotseal.label.verify;

import io.iotseal.label.LabelFacts;
import io.iotseal.label.credential.LabelCredential;
import io.iotseal.label.jose.CompactJws;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.keys.VerificationKey;
import io.iotseal.label.qr.QrCodes;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.status.StatusListCredential;
import io.iotseal.label.status.StatusPurpose;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Offline verification of a label, from its QR text, its credential (vc+jwt) or an image of its QR
 * code, against the operator's trusted JWKS and, when given, its status list credentials (read from
 * files or fetched by the caller). Never throws for bad input: anything that does not verify is
 * {@link Verdict#INVALID} with the reason.
 *
 * <p>Precedence when several apply: INVALID, then REVOKED, EXPIRED, SUSPENDED; VALID only when
 * every check passed.
 */
public final class LabelVerifier {
    /** Largest image file accepted. */
    public static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

    private final TrustedKeys trusted;
    private final String expectedPageBase;

    public LabelVerifier(TrustedKeys trusted) {
        this(trusted, null);
    }

    /**
     * @param expectedPageBase when not null, a QR text must start with it (case-insensitively):
     *     the page a scan opens is not covered by the signature, so a genuine token behind a lookalike
     *     domain is caught only this way (ADR 0031)
     */
    public LabelVerifier(TrustedKeys trusted, String expectedPageBase) {
        if (trusted == null) {
            throw new IllegalArgumentException("a verifier needs the trusted keys (JWKS)");
        }
        this.trusted = trusted;
        this.expectedPageBase = expectedPageBase;
    }

    /** One status entry to check: for a QR token the list is known by purpose only. */
    private record Entry(StatusPurpose purpose, int index, String listCredential) {
    }

    public Verification verifyQrText(String qrText, List<String> statusLists, Instant at) {
        return withSnapshot(statusLists, at, snapshot -> verifyQrText(qrText, snapshot, at));
    }

    public Verification verifyQrText(String qrText, StatusSnapshot statusLists, Instant at) {
        try {
            if (expectedPageBase != null && qrText != null
                    && !qrText.strip().regionMatches(true, 0, expectedPageBase, 0, expectedPageBase.length())) {
                return Verification.invalid("the QR code opens a page outside " + expectedPageBase
                        + ": not this registry's label");
            }
            LabelFacts facts = QrToken.verify(qrText, trusted);
            List<Entry> entries = new ArrayList<>();
            for (StatusPurpose purpose : StatusPurpose.values()) {
                entries.add(new Entry(purpose, facts.statusIndex(), null));
            }
            return judge(facts, trusted.find(facts.kid()).orElseThrow(), entries, statusLists, at);
        } catch (VerificationException e) {
            return Verification.invalid(e.getMessage());
        } catch (RuntimeException e) {
            return Verification.invalid("the QR text cannot be read: " + e);
        }
    }

    public Verification verifyCredential(String jwt, List<String> statusLists, Instant at) {
        return withSnapshot(statusLists, at, snapshot -> verifyCredential(jwt, snapshot, at));
    }

    public Verification verifyCredential(String jwt, StatusSnapshot statusLists, Instant at) {
        try {
            CompactJws.Verified jws = CompactJws.verify(jwt, LabelCredential.TYP, trusted, LabelCredential.MAX_CHARS);
            LabelFacts facts = LabelCredential.facts(jws);
            List<Entry> entries = new ArrayList<>();
            for (var e : LabelCredential.statusEntries(jws)) {
                entries.add(new Entry(e.purpose(), e.index(), e.listCredential()));
            }
            return judge(facts, jws.key(), entries, statusLists, at);
        } catch (VerificationException e) {
            return Verification.invalid(e.getMessage());
        } catch (RuntimeException e) {
            return Verification.invalid("the credential cannot be read: " + e);
        }
    }

    /** Reads the status lists first; a list that fails its signature or is stale makes the result INVALID. */
    private Verification withSnapshot(List<String> statusLists, Instant at,
                                      java.util.function.Function<StatusSnapshot, Verification> check) {
        StatusSnapshot snapshot;
        try {
            snapshot = StatusSnapshot.read(statusLists, trusted, at);
        } catch (VerificationException e) {
            return Verification.invalid(e.getMessage());
        } catch (RuntimeException e) {
            return Verification.invalid("the status list cannot be read: " + e);
        }
        return check.apply(snapshot);
    }

    public Verification verifyImage(byte[] image, List<String> statusLists, Instant at) {
        if (image == null || image.length == 0 || image.length > MAX_IMAGE_BYTES) {
            return Verification.invalid("the image is empty or larger than " + MAX_IMAGE_BYTES + " bytes");
        }
        String text;
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            if (decoded == null) {
                return Verification.invalid("the file is not an image in a format this JDK reads (PNG, JPEG, GIF, BMP)");
            }
            text = QrCodes.decode(decoded);
        } catch (IOException | RuntimeException e) {
            return Verification.invalid("the image cannot be read: " + e.getMessage());
        }
        return verifyQrText(text, statusLists, at);
    }

    private Verification judge(LabelFacts facts, VerificationKey key, List<Entry> entries, StatusSnapshot statusLists,
                               Instant at) throws VerificationException {
        key.requireActiveAt(facts.validFrom(), "a label");
        boolean revoked = false;
        boolean suspended = false;
        Set<StatusPurpose> checked = EnumSet.noneOf(StatusPurpose.class);
        for (StatusListCredential.Verified list : (statusLists == null ? StatusSnapshot.NONE : statusLists).lists()) {
            if (at.isBefore(list.validFrom()) || at.isAfter(list.validUntil())) {
                throw new VerificationException("status list: valid from " + list.validFrom() + " until "
                        + list.validUntil() + ", not at " + at + "; fetch a current one");
            }
            Entry entry = entries.stream()
                    .filter(e -> e.purpose() == list.purpose()
                            && (e.listCredential() == null || e.listCredential().equals(list.id())))
                    .findFirst()
                    .orElseThrow(() -> new VerificationException("the " + list.purpose().code() + " status list "
                            + list.id() + " is not one this label refers to"));
            if (entry.index() >= list.list().size()) {
                throw new VerificationException("status index " + entry.index() + " is outside the "
                        + list.purpose().code() + " list of " + list.list().size() + " entries");
            }
            boolean set = list.list().get(entry.index());
            revoked |= set && list.purpose() == StatusPurpose.REVOCATION;
            suspended |= set && list.purpose() == StatusPurpose.SUSPENSION;
            checked.add(list.purpose());
        }
        if (at.isBefore(facts.validFrom())) {
            throw new VerificationException("the label is not valid before " + facts.validFrom());
        }
        if (revoked) {
            return new Verification(Verdict.REVOKED, "the label is revoked (revocation status list)", Optional.of(facts),
                    checked);
        }
        // Revocation outranks every verdict below, so each says when it was not checked.
        if (at.isAfter(facts.validUntil())) {
            return new Verification(Verdict.EXPIRED, "the label expired at " + facts.validUntil()
                    + notChecked(checked, StatusPurpose.REVOCATION), Optional.of(facts), checked);
        }
        if (suspended) {
            return new Verification(Verdict.SUSPENDED, "the label is suspended (suspension status list); "
                    + "the registry page gives the reason" + notChecked(checked, StatusPurpose.REVOCATION),
                    Optional.of(facts), checked);
        }
        return new Verification(Verdict.VALID, "signed by key " + key.kid() + ", valid until " + facts.validUntil()
                + statusClaim(checked), Optional.of(facts), checked);
    }

    /** What a VALID verdict may say about status: only the purposes whose lists were checked. */
    private static String statusClaim(Set<StatusPurpose> checked) {
        if (checked.isEmpty()) {
            return "; status not checked (no status list given)";
        }
        if (checked.size() == StatusPurpose.values().length) {
            return ", neither revoked nor suspended";
        }
        return checked.contains(StatusPurpose.REVOCATION)
                ? ", not revoked" + notChecked(checked, StatusPurpose.SUSPENSION)
                : ", not suspended" + notChecked(checked, StatusPurpose.REVOCATION);
    }

    private static String notChecked(Set<StatusPurpose> checked, StatusPurpose purpose) {
        return checked.contains(purpose) ? "" : "; " + purpose.code() + " not checked (no " + purpose.code()
                + " status list given)";
    }
}
