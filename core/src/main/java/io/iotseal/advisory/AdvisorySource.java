package io.iotseal.advisory;

/** The feed an advisory came from; its identifier space (GHSA-/OSV-/DSA-…, CVE-, JVNDB-) follows from it. */
public enum AdvisorySource {
    /** An OSV record (osv.dev schema), from a per-ecosystem dump or single files. */
    OSV,
    /** An NVD CVE record (CVE API JSON 2.0): CPE applicability and CVSS. */
    NVD,
    /** A JVN iPedia record (MyJVN / JVN iPedia XML), the Japanese source. */
    JVN
}
