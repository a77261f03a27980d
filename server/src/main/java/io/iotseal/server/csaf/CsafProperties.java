package io.iotseal.server.csaf;

import io.iotseal.csaf.CsafAdvisory;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The registry as a CSAF provider and its security.txt ({@code iotseal.csaf.*}, README "CSAF advisories",
 * ADR 0098). The public origin is the labels' ({@code iotseal.labels.public-url}).
 *
 * @param publisherName         the publisher named in the advisories and the provider metadata
 * @param publisherCategory     its CSAF category (default coordinator: the registry coordinates between
 *                              reporters and vendors)
 * @param publisherNamespace    its namespace URL (default: the public origin)
 * @param contact               security.txt's Contact and the publisher's contact details (default
 *                              {@code mailto:security@<public host>})
 * @param openpgpKey            an armored OpenPGP secret key file to sign with (IOTSEAL_CSAF_OPENPGP_KEY);
 *                              without it a key is generated at first need under the data folder's keys/
 * @param openpgpPassphrase     its passphrase (IOTSEAL_CSAF_OPENPGP_PASSPHRASE); required with a key file
 * @param securityTxtExpiry     how far ahead security.txt's Expires lies (default 180 days; at most a year, as
 *                              RFC 9116 recommends)
 * @param policyUrl             security.txt's Policy (the disclosure policy), omitted when not set
 * @param listOnAggregators     provider metadata: may CSAF aggregators list us (default true)
 * @param mirrorOnAggregators   provider metadata: may they mirror our documents (default true)
 */
@ConfigurationProperties(prefix = "iotseal.csaf")
public record CsafProperties(String publisherName, CsafAdvisory.Publisher.Category publisherCategory,
                             String publisherNamespace, String contact, String openpgpKey, String openpgpPassphrase,
                             Duration securityTxtExpiry, String policyUrl, Boolean listOnAggregators,
                             Boolean mirrorOnAggregators) {

    static final Duration MAX_EXPIRY = Duration.ofDays(365);

    public CsafProperties {
        if (publisherName == null || publisherName.isBlank()) {
            publisherName = "IoTSeal registry";
        }
        if (publisherCategory == null) {
            publisherCategory = CsafAdvisory.Publisher.Category.COORDINATOR;
        }
        if (securityTxtExpiry == null || securityTxtExpiry.isNegative() || securityTxtExpiry.isZero()) {
            securityTxtExpiry = Duration.ofDays(180);
        }
        if (securityTxtExpiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalStateException("iotseal.csaf.security-txt-expiry must be at most a year (RFC 9116), not "
                    + securityTxtExpiry);
        }
        if (listOnAggregators == null) {
            listOnAggregators = true;
        }
        if (mirrorOnAggregators == null) {
            mirrorOnAggregators = true;
        }
    }
}
