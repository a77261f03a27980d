package io.iotseal.label;

import io.iotseal.catalog.LocalizedText;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.scheme.Scheme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Labels built from the built-in scheme data, and keys generated per test run (never stored). */
public final class TestLabels {
    public static final RegistryUrls URLS = RegistryUrls.at("https://registry.example.org");
    public static final LocalDate ISSUED = LocalDate.of(2026, 11, 22);
    private static StandardsLibrary library;

    private TestLabels() {
    }

    public static synchronized Scheme scheme(String id) {
        if (library == null) {
            library = StandardsLoader.loadBuiltIn();
        }
        return library.scheme(id).orElseThrow();
    }

    public static Product camera() {
        return new Product("Example Devices Co., Ltd.",
                new LocalizedText(Map.of("en", "Home Camera HC-200", "ja", "ホームカメラ HC-200")),
                List.of("HC-200", "HC-200W"), List.of("firmware 2.x"), LocalDate.of(2031, 3, 31));
    }

    public static Label star1(Product product) {
        return LabelIssuer.issue(scheme("jc-star"), "star-1", "L7K3M9Q2", "A0012345", product, ISSUED, 4242);
    }

    public static Label star1() {
        return star1(camera());
    }

    /** The largest label the limits allow: every text at its byte limit, most in Japanese. */
    public static Product worstCaseProduct() {
        List<String> models = new ArrayList<>();
        for (int i = 0; i < LabelLimits.MAX_MODELS; i++) {
            models.add(fill("M" + i + "-", LabelLimits.MODEL_BYTES));
        }
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < LabelLimits.MAX_VERSIONS; i++) {
            versions.add(fill("v" + i + ".", LabelLimits.VERSION_BYTES));
        }
        return new Product(fill("Vendor", LabelLimits.VENDOR_BYTES),
                new LocalizedText(Map.of("en", fill("Name", LabelLimits.NAME_BYTES),
                        "ja", "製品".repeat(LabelLimits.NAME_BYTES / 6))),
                models, versions, LocalDate.of(2099, 12, 31));
    }

    /** A prefix padded with varied letters and digits (not repetitive, so nothing compresses well) to exactly {@code bytes}. */
    public static String fill(String prefix, int bytes) {
        StringBuilder s = new StringBuilder(prefix);
        String pool = "Qx7Zk2Wm9Rb4Tn6Yp1Vh8Lc3Jd5Fg0Ua";
        int i = 0;
        while (s.length() < bytes) {
            s.append(pool.charAt(i++ % pool.length()));
        }
        return s.toString();
    }

    public static SigningKey key() {
        return SigningKey.generate(Instant.parse("2026-11-01T00:00:00Z"));
    }

    public static TrustedKeys trusting(SigningKey... keys) {
        return new TrustedKeys(java.util.Arrays.stream(keys).map(SigningKey::verificationKey).toList());
    }
}
