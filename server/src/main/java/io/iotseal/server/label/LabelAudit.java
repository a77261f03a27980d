package io.iotseal.server.label;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit log records of a label, before and after each change (the same fields for every job). */
final class LabelAudit {

    private LabelAudit() {
    }

    static Map<String, Object> of(LabelRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labelId", r.labelId());
        m.put("registrationNumber", r.registrationNumber());
        m.put("level", r.scheme() + ":" + r.level());
        m.put("statusIndex", r.statusIndex());
        m.put("status", r.status().name());
        m.put("reason", r.reason());
        m.put("kid", r.kid());
        return m;
    }
}
