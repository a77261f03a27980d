package io.iotseal.server.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;

/**
 * The open data's DCAT-AP 3 description as JSON-LD (ADR 0083): a {@code dcat:Dataset} with one
 * {@code dcat:Distribution} each for the dump, its detached signature and its checksum. The context is
 * written inline (prefixes only), so a reader needs no remote document to expand it. Only what is true is
 * said: the licence only when the operator configured one, the temporal coverage from the labels' own
 * first issue and last expiry day, the update frequency only when the interval is one the EU frequency
 * vocabulary names; no spatial coverage, since a registry may hold labels of any scheme and market.
 */
final class DcatDescription {

    static final String MEDIA_TYPE = "application/ld+json";
    private static final String IANA = "http://www.iana.org/assignments/media-types/";
    private static final String EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
    private static final Map<Duration, String> FREQUENCIES = Map.of(Duration.ofHours(1), "HOURLY",
            Duration.ofDays(1), "DAILY", Duration.ofDays(7), "WEEKLY");

    private DcatDescription() {
    }

    /**
     * @param base     the registry's public URL (no trailing slash)
     * @param dump     the dump served now
     * @param operator the scheme operator (null when none is recorded yet: no publisher is stated)
     * @param licence  the licence URI, or null
     */
    static ObjectNode of(ObjectMapper json, String base, OpenDataDumps.Dump dump, RegistryRepository.Operator operator,
                         String licence, Duration interval) {
        ObjectNode doc = json.createObjectNode();
        ObjectNode context = doc.putObject("@context");
        context.put("dcat", "http://www.w3.org/ns/dcat#").put("dct", "http://purl.org/dc/terms/")
                .put("foaf", "http://xmlns.com/foaf/0.1/").put("spdx", "http://spdx.org/rdf/terms#")
                .put("xsd", "http://www.w3.org/2001/XMLSchema#");
        String self = base + OpenDataController.PATH + "/" + OpenDataController.DCAT;
        doc.put("@id", self + "#dataset").put("@type", "dcat:Dataset");
        texts(doc.putArray("dct:title"), "Public IoT security labels of the registry at " + base,
                base + " に登録された公開 IoT セキュリティラベル");
        texts(doc.putArray("dct:description"), "Every label of a published product in this IoTSeal registry, one JSON"
                        + " object per line (the label search API's fields), gzip-compressed, remade regularly and signed"
                        + " with a detached JWS (RFC 7797) by a key of " + base + "/.well-known/jwks.json.",
                "この IoTSeal レジストリで公開されている製品のすべてのラベル。1 行に 1 つの JSON オブジェクト（ラベル検索 API と同じ項目）を"
                        + " gzip で圧縮し、定期的に作り直して " + base + "/.well-known/jwks.json の鍵で分離 JWS（RFC 7797）の署名を付けています。");
        doc.put("dct:identifier", self + "#dataset");
        typed(doc, "dct:modified", dump.generated().toString(), "xsd:dateTime");
        if (operator != null) {
            ObjectNode publisher = doc.putObject("dct:publisher");
            publisher.put("@id", base + "#operator").put("@type", "foaf:Agent");
            ArrayNode names = publisher.putArray("foaf:name");
            names.addObject().put("@value", operator.name());
            if (operator.nameJa() != null && !operator.nameJa().isBlank()) {
                names.addObject().put("@value", operator.nameJa()).put("@language", "ja");
            }
        }
        if (dump.firstIssued() != null) {
            ObjectNode period = doc.putObject("dct:temporal").put("@type", "dct:PeriodOfTime");
            typed(period, "dcat:startDate", dump.firstIssued().toString(), "xsd:date");
            typed(period, "dcat:endDate", dump.lastExpiry().toString(), "xsd:date");
        }
        String frequency = FREQUENCIES.get(interval);
        if (frequency != null) {
            doc.putObject("dct:accrualPeriodicity").put("@id", EU_FREQUENCY + frequency);
        }
        ArrayNode keywords = doc.putArray("dcat:keyword");
        for (String k : new String[]{"IoT", "cybersecurity label", "conformity"}) {
            keywords.addObject().put("@value", k).put("@language", "en");
        }
        ArrayNode distributions = doc.putArray("dcat:distribution");
        String files = base + OpenDataController.PATH + "/";
        ObjectNode data = distribution(distributions, files + OpenDataDumps.DATA, dump, licence,
                "Labels as JSON Lines, gzip-compressed", "ラベル（JSON Lines、gzip 圧縮）");
        data.putObject("dct:format").put("@id", EU_FILE_TYPE + "JSON");
        data.putObject("dcat:compressFormat").put("@id", IANA + "application/gzip");
        typed(data, "dcat:byteSize", Long.toString(dump.bytes()), "xsd:nonNegativeInteger");
        ObjectNode checksum = data.putObject("spdx:checksum").put("@type", "spdx:Checksum");
        checksum.putObject("spdx:algorithm").put("@id", "http://spdx.org/rdf/terms#checksumAlgorithm_sha256");
        typed(checksum, "spdx:checksumValue", dump.sha256(), "xsd:hexBinary");

        ObjectNode signature = distribution(distributions, files + OpenDataDumps.SIGNATURE, dump, licence,
                "Detached JWS (RFC 7515 Appendix F, RFC 7797 unencoded payload, EdDSA) of the labels file; keys: "
                        + base + "/.well-known/jwks.json",
                "ラベルファイルの分離 JWS 署名（RFC 7797、EdDSA）。鍵: " + base + "/.well-known/jwks.json");
        signature.putObject("dcat:mediaType").put("@id", IANA + "application/jose");
        signature.putObject("dct:conformsTo").put("@id", "https://www.rfc-editor.org/rfc/rfc7797");

        ObjectNode sums = distribution(distributions, files + OpenDataDumps.CHECKSUM, dump, licence,
                "SHA-256 of the labels file (sha256sum format)", "ラベルファイルの SHA-256（sha256sum 形式）");
        sums.putObject("dcat:mediaType").put("@id", IANA + "text/plain");
        return doc;
    }

    private static ObjectNode distribution(ArrayNode list, String url, OpenDataDumps.Dump dump, String licence,
                                           String en, String ja) {
        ObjectNode d = list.addObject().put("@id", url).put("@type", "dcat:Distribution");
        texts(d.putArray("dct:title"), en, ja);
        d.putObject("dcat:accessURL").put("@id", url);
        d.putObject("dcat:downloadURL").put("@id", url);
        typed(d, "dct:modified", dump.generated().toString(), "xsd:dateTime");
        if (licence != null) {
            d.putObject("dct:license").put("@id", licence);
        }
        return d;
    }

    private static void texts(ArrayNode array, String en, String ja) {
        array.addObject().put("@value", en).put("@language", "en");
        array.addObject().put("@value", ja).put("@language", "ja");
    }

    private static void typed(ObjectNode node, String property, String value, String type) {
        node.putObject(property).put("@value", value).put("@type", type);
    }
}
