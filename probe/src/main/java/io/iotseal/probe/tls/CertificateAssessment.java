package io.iotseal.probe.tls;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is wrong with a device's TLS certificate, judged without trusting any CA: validity period,
 * self-signature, key strength and signature hash.
 *
 * @param problems empty when the certificate has none of the problems checked
 * @param facts    subject, issuer, validity, key and signature, for the evidence
 */
public record CertificateAssessment(List<String> problems, String facts) {
    /** RSA and DSA keys below this are weak (NIST SP 800-131A: 112-bit security needs 2048). */
    public static final int MIN_RSA_BITS = 2048;
    /** EC keys below this field size are weak. */
    public static final int MIN_EC_BITS = 256;

    public CertificateAssessment {
        problems = List.copyOf(problems);
    }

    public static CertificateAssessment of(X509Certificate leaf, Instant now) {
        List<String> problems = new ArrayList<>();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            problems.add("expired on " + leaf.getNotAfter().toInstant());
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            problems.add("not valid before " + leaf.getNotBefore().toInstant());
        }
        if (isSelfSigned(leaf)) {
            problems.add("self-signed (clients cannot authenticate the device through a CA)");
        }
        int bits = keyBits(leaf.getPublicKey());
        String algorithm = leaf.getPublicKey().getAlgorithm();
        boolean ec = leaf.getPublicKey() instanceof ECPublicKey;
        if (bits > 0 && bits < (ec ? MIN_EC_BITS : MIN_RSA_BITS)) {
            problems.add("weak " + algorithm + " key of " + bits + " bits");
        }
        String sig = leaf.getSigAlgName().toUpperCase(Locale.ROOT);
        if (sig.contains("MD5") || sig.contains("SHA1") || sig.startsWith("SHA-1")) {
            problems.add("weak signature algorithm " + leaf.getSigAlgName());
        }
        String facts = "subject=" + leaf.getSubjectX500Principal().getName()
                + "; issuer=" + leaf.getIssuerX500Principal().getName()
                + "; valid " + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant()
                + "; key=" + algorithm + (bits > 0 ? " " + bits + " bits" : "")
                + "; signature=" + leaf.getSigAlgName();
        return new CertificateAssessment(problems, facts);
    }

    /** Issuer equals subject and the certificate verifies with its own key. */
    static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static int keyBits(PublicKey key) {
        return switch (key) {
            case RSAPublicKey rsa -> rsa.getModulus().bitLength();
            case ECPublicKey ecKey -> ecKey.getParams().getCurve().getField().getFieldSize();
            case DSAPublicKey dsa -> dsa.getParams().getP().bitLength();
            default -> 0;
        };
    }
}
