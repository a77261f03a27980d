package io.iotseal.advisory.feed;

/** The kinds of feed file an operator mirrors and imports (ADR 0092); the caller says which one a file is. */
public enum FeedKind {
    /** OSV records (osv.dev schema): one JSON file per record, a folder of them, or a per-ecosystem {@code all.zip}. */
    OSV,
    /** NVD CVE API 2.0 JSON ({@code vulnerabilities[].cve}), as answered by the API or in NVD's 2.0 feed files. */
    NVD,
    /** JVN iPedia XML from MyJVN: {@code getVulnOverviewList} (RSS 1.0) or {@code getVulnDetailInfo} (VULDEF). */
    JVN,
    /** CISA's Known Exploited Vulnerabilities catalog (JSON). */
    KEV;

    /** What a file of this kind looks like, for "expected …" messages. */
    String expected() {
        return switch (this) {
            case OSV -> "an OSV record (JSON object with \"id\" and \"modified\")";
            case NVD -> "an NVD CVE API 2.0 document (JSON with \"vulnerabilities\": [{\"cve\": {...}}])";
            case JVN -> "JVN iPedia XML (MyJVN getVulnOverviewList RSS <rdf:RDF> or getVulnDetailInfo <VULDEF-Document>)";
            case KEV -> "the CISA KEV catalog (JSON with \"catalogVersion\" and \"vulnerabilities\": [{\"cveID\": ...}])";
        };
    }
}
