package io.iotseal.label;

import io.iotseal.label.artwork.LabelArtwork;
import io.iotseal.label.credential.LabelCredential;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.qr.QrToken;
import io.iotseal.scheme.Scheme;
import io.iotseal.scheme.SchemeLevel;

/**
 * Everything issuing a label produces, in one call for the registry and the CLI: the label, its
 * signed credential (vc+jwt), its QR text and the artwork. The PNG is rendered on demand since it is
 * the expensive part.
 */
public record IssuedLabel(Label label, SchemeLevel level, String credential, String qrText, String kid) {
    public static IssuedLabel sign(Label label, Scheme scheme, RegistryUrls urls, SigningKey key) {
        if (!scheme.id().equals(label.level().scheme())) {
            throw new IllegalArgumentException("scheme '" + scheme.id() + "' is not the label's scheme '"
                    + label.level().scheme() + "'");
        }
        SchemeLevel level = scheme.level(label.level().level()).orElseThrow(() -> new IllegalArgumentException(
                "level: scheme '" + scheme.id() + "' has no level '" + label.level().level() + "'"));
        return new IssuedLabel(label, level, LabelCredential.sign(label, urls, key), QrToken.issue(label, urls, key),
                key.kid());
    }

    public String svg() {
        return LabelArtwork.svg(label, level, qrText);
    }

    /** The artwork as PNG, {@code scale} pixels per SVG unit (1 to 8). */
    public byte[] png(int scale) {
        return LabelArtwork.png(label, level, qrText, scale);
    }
}
