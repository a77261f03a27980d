package io.iotseal.server.organization;

import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Organizations' legal names are unique regardless of case, width and spacing (ADR 0067): "ACME Corp",
 * "acme  corp" and full-width "ＡＣＭＥ Corp" are one name. Checked in Java against every organization and
 * every pending name change, by callers that hold the audit chain's lock, which every audited change takes:
 * two requests for one name are serialised by it on every instance, and the rule is the same for names
 * stored before it existed.
 */
@Component
class LegalNames {

    private final JdbcClient jdbc;

    LegalNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The form two names are compared in: NFKC, whitespace runs as one space, lower case. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses {@code name} (field {@code field}) when another organization has it, or has asked for it and
     * is waiting for the operator. {@code organization} is the one that would have the name (null: a new one).
     * The message does not say who holds the name.
     */
    void requireFree(String field, String name, UUID organization) {
        String wanted = key(name);
        // The nil UUID, which no organization has, for a new one (PostgreSQL cannot type a bare "? is null").
        UUID except = organization == null ? new UUID(0, 0) : organization;
        List<String> taken = jdbc.sql("select name from organization where id <> :id"
                        + " union all select name from organization_name_change where state = 'PENDING'"
                        + " and organization_id <> :id")
                .param("id", except).query(String.class).list();
        if (taken.stream().anyMatch(n -> key(n).equals(wanted))) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict",
                    List.of(new FieldError(field, "is already the name of another organization")));
        }
    }
}
