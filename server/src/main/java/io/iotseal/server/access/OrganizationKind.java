package io.iotseal.server.access;

/** The three kinds of party in a labelling scheme, and the subscribers who follow its public events. */
public enum OrganizationKind {
    /** Runs the scheme (IPA for JC-STAR, CSA for Singapore's CLS, BSI): decides, issues labels. */
    SCHEME_OPERATOR,
    /** Makes products and declares or applies for their conformity. */
    VENDOR,
    /** An accredited test lab that evaluates products it is assigned. */
    TEST_LAB,
    /** A retailer, importer or buyer that follows the public events of chosen labels or vendors (issue 13, ADR 0082). */
    SUBSCRIBER
}
