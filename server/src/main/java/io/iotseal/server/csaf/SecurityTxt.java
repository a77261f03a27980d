package io.iotseal.server.csaf;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The registry's {@code /.well-known/security.txt} (RFC 9116, ADR 0098): Contact, Expires, Encryption (the
 * registry's OpenPGP key), Preferred-Languages, Canonical, Policy when configured, and CSAF (the provider
 * metadata, CSAF 2.0 requirement 8), OpenPGP cleartext-signed as RFC 9116 section 2.3 recommends. Expires is
 * computed: the start of the current UTC day plus {@code iotseal.csaf.security-txt-expiry} (at most a year), so
 * the file never goes stale while the server runs, and the signed text is made once a day.
 */
@Component
class SecurityTxt {

    private final CsafSite site;
    private final RegistryOpenPgpKey key;
    private final Clock clock;
    private volatile Signed cached;

    private record Signed(LocalDate day, String text) {
    }

    SecurityTxt(CsafSite site, RegistryOpenPgpKey key, Clock clock) {
        this.site = site;
        this.key = key;
        this.clock = clock;
    }

    /** The signed file of today. */
    String signed() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Signed current = cached;
        if (current == null || !current.day().equals(today)) {
            current = new Signed(today, key.get().signCleartext(text(today), clock.instant()));
            cached = current;
        }
        return current.text();
    }

    /** The fields, unsigned, as of {@code today}. */
    String text(LocalDate today) {
        Instant expires = today.atStartOfDay(ZoneOffset.UTC).toInstant().plus(site.properties().securityTxtExpiry());
        StringBuilder out = new StringBuilder();
        out.append("# The IoTSeal registry's security contact (RFC 9116). For a labelled product, write to its vendor:\n");
        out.append("# the product's label page names the vendor's disclosure contact.\n");
        out.append("Contact: ").append(site.contact()).append('\n');
        out.append("Expires: ").append(DateTimeFormatter.ISO_INSTANT.format(expires)).append('\n');
        out.append("Encryption: ").append(site.keyUrl(key.get().fingerprint())).append('\n');
        out.append("Preferred-Languages: en, ja\n");
        out.append("Canonical: ").append(site.securityTxtUrl()).append('\n');
        String policy = site.properties().policyUrl();
        if (policy != null && !policy.isBlank()) {
            out.append("Policy: ").append(policy).append('\n');
        }
        out.append("CSAF: ").append(site.providerMetadataUrl()).append('\n');
        return out.toString();
    }
}
