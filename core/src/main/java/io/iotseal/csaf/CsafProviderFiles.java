package io.iotseal.csaf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The files of a CSAF provider's directory besides the documents (CSAF 2.0 section 7.1, requirements 7, 12,
 * 13, 18 and 20): {@code provider-metadata.json}, {@code index.txt}, {@code changes.csv} and a document's
 * {@code .sha512}. The {@code .asc} signatures are {@link io.iotseal.openpgp.OpenPgpKeyPair#signDetached}'s.
 */
public final class CsafProviderFiles {

    private CsafProviderFiles() {
    }

    /** A public OpenPGP key that signs the documents: its fingerprint and where it can be fetched. */
    public record PublicKey(String fingerprint, URI url) {
    }

    /** One line of changes.csv: a document's path under the directory and the current release date it had then. */
    public record Change(String path, Instant currentReleaseDate) {
    }

    /**
     * {@code provider-metadata.json} of a CSAF provider (role {@code csaf_provider}) that distributes its
     * TLP:WHITE documents in the directory at {@code directoryUrl}. Keys in alphabetical order.
     */
    public static String providerMetadata(URI canonicalUrl, URI directoryUrl, CsafAdvisory.Publisher publisher,
                                          Instant lastUpdated, List<PublicKey> keys, boolean listOnAggregators,
                                          boolean mirrorOnAggregators) {
        if (!canonicalUrl.getPath().endsWith("/provider-metadata.json")) {
            throw new IllegalArgumentException("canonicalUrl: must end in /provider-metadata.json");
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("canonical_url", canonicalUrl.toString());
        root.putArray("distributions").addObject().put("directory_url", directoryUrl.toString());
        root.put("last_updated", CsafWriter.date(lastUpdated));
        root.put("list_on_CSAF_aggregators", listOnAggregators);
        root.put("metadata_version", "2.0");
        root.put("mirror_on_CSAF_aggregators", mirrorOnAggregators);
        if (!keys.isEmpty()) {
            var array = root.putArray("public_openpgp_keys");
            for (PublicKey key : keys) {
                array.addObject().put("fingerprint", key.fingerprint()).put("url", key.url().toString());
            }
        }
        ObjectNode p = root.putObject("publisher");
        p.put("category", publisher.category().name().toLowerCase(Locale.ROOT));
        if (CsafWriter.present(publisher.contactDetails())) {
            p.put("contact_details", publisher.contactDetails());
        }
        p.put("name", publisher.name());
        p.put("namespace", publisher.namespace().toString());
        root.put("role", "csaf_provider");
        try {
            return JsonMappers.pretty().writeValueAsString(CsafWriter.sorted(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** index.txt: every current document's path, one a line, in path order (requirement 12). */
    public static String indexTxt(List<String> paths) {
        StringBuilder out = new StringBuilder();
        paths.stream().distinct().sorted().forEach(path -> out.append(path).append('\n'));
        return out.toString();
    }

    /**
     * changes.csv: one line per publication, {@code "path","current release date"}, no heading, the latest
     * first (requirement 13); equal dates in path order so the file is the same each time.
     */
    public static String changesCsv(List<Change> changes) {
        StringBuilder out = new StringBuilder();
        changes.stream().sorted(Comparator.comparing(Change::currentReleaseDate).reversed()
                        .thenComparing(Change::path))
                .forEach(c -> out.append(quoted(c.path())).append(',')
                        .append(quoted(CsafWriter.date(c.currentReleaseDate()))).append('\n'));
        return out.toString();
    }

    /** A CSV field in double quotes (RFC 4180); paths never hold quotes, but a doubled one keeps it safe. */
    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The {@code .sha512} file of a document: the hash in hexadecimal, two spaces and the file name (sha512sum's format). */
    public static String sha512File(byte[] document, String fileName) {
        return sha512(document) + "  " + fileName + "\n";
    }

    public static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
