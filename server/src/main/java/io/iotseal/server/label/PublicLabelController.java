package io.iotseal.server.label;

import io.iotseal.label.credential.LabelContext;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * What anyone fetches without logging in (ADR 0050): the public keys and the labels' JSON-LD context
 * (ADR 0056) here; the two signed status lists,
 * cacheable and revalidated with their ETag, by {@link StatusListFilter} ahead of the filter chain (ADR 0052).
 */
@RestController
class PublicLabelController {

    static final String VC_JWT_VALUE = "application/vc+jwt";

    private final StatusListService statusLists;
    private final RegistryKeys keys;

    PublicLabelController(StatusListService statusLists, RegistryKeys keys) {
        this.keys = keys;
        this.statusLists = statusLists;
    }

    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/jwk-set+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(statusLists.statusTtlSeconds())))
                .body(keys.publicKeys().toJwks());
    }

    /**
     * IoTSeal's JSON-LD context for label credentials: the same bytes in every registry, since each
     * credential pins their digest. Immutable: a new version gets a new path.
     */
    @GetMapping(LabelContext.PATH)
    public ResponseEntity<byte[]> labelContext() {
        return ResponseEntity.ok().contentType(MediaType.valueOf(LabelContext.MEDIA_TYPE))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(LabelContext.bytes());
    }
}
