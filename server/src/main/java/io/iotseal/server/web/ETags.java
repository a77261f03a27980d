package io.iotseal.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * Optimistic locking over HTTP: a record's ETag is its version number; an update must send it back in
 * If-Match. No If-Match: 428, so a client cannot overwrite by accident; a different one: 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the record and its ETag. */
    public static <T extends Versioned> ResponseEntity<T> ok(T record) {
        return ResponseEntity.ok().eTag(of(record.version())).body(record);
    }

    /** 201 with the record, its ETag and its Location under {@code collectionPath}. */
    public static <T extends Versioned> ResponseEntity<T> created(String collectionPath, T record) {
        return ResponseEntity.created(URI.create(collectionPath + "/" + record.id())).eTag(of(record.version())).body(record);
    }

    /** Checks If-Match against the current version; returns normally when the update may go ahead. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "Precondition Required",
                    "send the record's ETag in If-Match (read it with GET first)");
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            // Strong comparison (RFC 9110 13.1.1): weak tags never match; "*" matches any existing record.
            if (t.equals("*") || t.equals(current)) {
                return;
            }
        }
        throw preconditionFailed();
    }

    public static ApiException preconditionFailed() {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "Precondition Failed",
                "the record was changed since you read it; read it again and retry with its new ETag");
    }
}
