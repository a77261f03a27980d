package io.iotseal.catalog;

/** What kind of document a catalog represents. */
public enum CatalogKind implements Coded {
    STANDARD,
    SCHEME_CRITERIA,
    REGULATION,
    GUIDELINE
}
