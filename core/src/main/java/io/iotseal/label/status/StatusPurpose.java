package io.iotseal.label.status;

/**
 * The two W3C Bitstring Status List purposes IoTSeal publishes, one list each (ADR 0033):
 * revocation is final, suspension reversible.
 */
public enum StatusPurpose {
    REVOCATION("revocation"),
    SUSPENSION("suspension");

    private final String code;

    StatusPurpose(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StatusPurpose fromCode(String code) {
        for (StatusPurpose p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("statusPurpose '" + code + "' is not revocation or suspension");
    }
}
