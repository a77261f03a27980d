package io.iotseal.server.product;

import io.iotseal.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.UUID;

/**
 * The vendor's published OpenPGP key for vulnerability reports (ADR 0102), as a download linked from the label page
 * and the public product page, so a reporter can encrypt to it and compare its fingerprint.
 */
@RestController
class VendorKeyController {

    /** RFC 3156's media type for OpenPGP keys; browsers save it as a file. */
    static final MediaType PGP_KEYS = MediaType.parseMediaType("application/pgp-keys");

    private final ProductRepository products;

    VendorKeyController(ProductRepository products) {
        this.products = products;
    }

    @GetMapping("/products/{id}/openpgp-key.asc")
    @Operation(summary = "The vendor's OpenPGP public key for vulnerability reports about a public or labelled product")
    ResponseEntity<String> key(@PathVariable String id) {
        UUID productId;
        try {
            productId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("key of product " + id);
        }
        String key = products.publicOpenPgpKey(productId)
                .orElseThrow(() -> ApiException.notFound("key of product " + id));
        return ResponseEntity.ok().contentType(PGP_KEYS)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("product-" + productId + ".asc").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(key);
    }
}
