package io.iotseal.label.status;

import io.iotseal.catalog.Coded;

/**
 * The two W3C Bitstring Status List purposes IoTSeal publishes, one list each (ADR 0033):
 * revocation is final, suspension reversible. {@link #code()} is the {@code statusPurpose} value.
 */
public enum StatusPurpose implements Coded {
    REVOCATION,
    SUSPENSION;

    public static StatusPurpose fromCode(String code) {
        for (StatusPurpose p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("statusPurpose '" + code + "' is not revocation or suspension");
    }
}
