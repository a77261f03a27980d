package io.iotseal.server.product;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.Idempotency;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/products")
public class ProductController {

    private final ProductService service;
    private final Idempotency idempotency;

    public ProductController(ProductService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /** Search: anonymous callers get the public registry, signed-in ones also what they may see. */
    @Operation(summary = "Search the product registry")
    @GetMapping
    public PageResult<ProductSummary> search(Actor actor, @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Category category,
                                             @RequestParam(required = false) UUID vendorId,
                                             @RequestParam(required = false) Boolean inScope,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return service.search(actor, new ProductQuery(q, category, vendorId, inScope), new PageRequest(page, size));
    }

    @Operation(summary = "One product")
    @GetMapping("/{id}")
    public ResponseEntity<Product> get(Actor actor, @PathVariable UUID id) {
        return ETags.ok(service.get(actor, id));
    }

    @Operation(summary = "Register a product")
    @PostMapping
    public ResponseEntity<?> create(Actor actor, @Valid @RequestBody ProductInput input,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.create(actor, key, "POST /api/v1/products", input, Set.of(),
                () -> ETags.created("/api/v1/products", service.create(actor, input)));
    }

    @Operation(summary = "Replace a product's description; needs If-Match")
    @PutMapping("/{id}")
    public ResponseEntity<Product> update(Actor actor, @PathVariable UUID id, @Valid @RequestBody ProductInput input,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.update(actor, id, input, ifMatch));
    }

    @Operation(summary = "Delete a product; needs If-Match")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.delete(actor, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A product's firmware or software versions")
    @GetMapping("/{id}/versions")
    public List<ProductVersion> versions(Actor actor, @PathVariable UUID id) {
        return service.versions(actor, id);
    }

    @Operation(summary = "Add a firmware or software version")
    @PostMapping("/{id}/versions")
    public ResponseEntity<?> addVersion(Actor actor, @PathVariable UUID id, @Valid @RequestBody VersionInput input,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.create(actor, key, "POST /api/v1/products/" + id + "/versions", input, Set.of(), () -> {
            ProductVersion v = service.addVersion(actor, id, input);
            return ResponseEntity.created(URI.create("/api/v1/products/" + id + "/versions")).body(v);
        });
    }

    @Operation(summary = "Assign a test lab to the product")
    @PutMapping("/{id}/labs/{labId}")
    public ResponseEntity<Void> assignLab(Actor actor, @PathVariable UUID id, @PathVariable UUID labId) {
        service.assignLab(actor, id, labId, true);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Withdraw a test lab's assignment to the product")
    @DeleteMapping("/{id}/labs/{labId}")
    public ResponseEntity<Void> unassignLab(Actor actor, @PathVariable UUID id, @PathVariable UUID labId) {
        service.assignLab(actor, id, labId, false);
        return ResponseEntity.noContent().build();
    }
}
