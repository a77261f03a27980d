package io.iotseal.server.label;

import io.iotseal.label.status.StatusPurpose;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * What anyone fetches without logging in (ADR 0050): the public keys and the two signed status lists,
 * cacheable for the lists' ttl and revalidated with their ETag.
 */
@RestController
class PublicLabelController {

    static final MediaType VC_JWT = MediaType.valueOf("application/vc+jwt");

    private final LabelService service;

    PublicLabelController(LabelService service) {
        this.service = service;
    }

    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/jwk-set+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(service.statusTtlSeconds())))
                .body(service.jwks());
    }

    @GetMapping("/status/revocation")
    public ResponseEntity<String> revocation(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return list(StatusPurpose.REVOCATION, ifNoneMatch);
    }

    @GetMapping("/status/suspension")
    public ResponseEntity<String> suspension(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return list(StatusPurpose.SUSPENSION, ifNoneMatch);
    }

    private ResponseEntity<String> list(StatusPurpose purpose, String ifNoneMatch) {
        LabelService.SignedList list = service.statusList(purpose);
        CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(service.statusTtlSeconds())).cachePublic();
        if (ifNoneMatch != null && matches(ifNoneMatch, list.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(list.etag()).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(VC_JWT).eTag(list.etag()).cacheControl(cache).body(list.jwt());
    }

    /** Weak comparison (RFC 9110 13.1.2), as If-None-Match requires. */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
