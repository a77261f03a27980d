package io.iotseal.server.csaf;

import io.iotseal.csaf.CsafAdvisory;
import io.iotseal.server.label.LabelProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * Where the registry's CSAF files live (ADR 0098), under the public origin ({@code iotseal.labels.public-url}):
 * the provider metadata at the well-known URL (CSAF 2.0 requirement 9), the TLP:WHITE directory beside it, the
 * public key in {@code openpgp/} (as requirement 20 suggests) and security.txt.
 */
@Component
@EnableConfigurationProperties(CsafProperties.class)
public class CsafSite {

    static final String ROOT = "/.well-known/csaf";
    static final String METADATA = ROOT + "/provider-metadata.json";
    static final String DIRECTORY = ROOT + "/white";
    static final String KEYS = ROOT + "/openpgp";
    static final String SECURITY_TXT = "/.well-known/security.txt";

    private final String origin;
    private final CsafProperties properties;

    CsafSite(LabelProperties labels, CsafProperties properties) {
        String url = labels.publicUrl();
        this.origin = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.properties = properties;
    }

    public URI providerMetadataUrl() {
        return URI.create(origin + METADATA);
    }

    /** The TLP:WHITE folder, ending in a slash, so a document's path resolves against it. */
    public URI directoryUrl() {
        return URI.create(origin + DIRECTORY + "/");
    }

    public URI documentUrl(String path) {
        return directoryUrl().resolve(path);
    }

    public URI keyUrl(String fingerprint) {
        return URI.create(origin + KEYS + "/" + fingerprint + ".asc");
    }

    public URI securityTxtUrl() {
        return URI.create(origin + SECURITY_TXT);
    }

    /** security.txt's Contact: configured, else {@code mailto:security@<public host>}. */
    public String contact() {
        if (properties.contact() != null && !properties.contact().isBlank()) {
            return properties.contact();
        }
        String host = URI.create(origin).getHost();
        return "mailto:security@" + (host == null ? "localhost" : host);
    }

    /** The registry as the publisher of its advisories and of the provider metadata. */
    public CsafAdvisory.Publisher publisher() {
        String namespace = properties.publisherNamespace() == null || properties.publisherNamespace().isBlank()
                ? origin : properties.publisherNamespace();
        return new CsafAdvisory.Publisher(properties.publisherCategory(), properties.publisherName(),
                URI.create(namespace), contact());
    }

    CsafProperties properties() {
        return properties;
    }
}
