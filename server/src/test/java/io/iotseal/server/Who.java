package io.iotseal.server;

/** The callers the tests act as: every role, plus a second vendor's admin and the anonymous public. */
public enum Who {
    ANONYMOUS, OPERATOR_ADMIN, OPERATOR_REVIEWER, VENDOR_ADMIN, VENDOR_MEMBER, OTHER_VENDOR_ADMIN, LAB_EVALUATOR
}
