package io.iotseal.server.survey.owner;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** The address-to-owner table over HTTP (issue 18 item 4, ADR 0106): operator admins import, the operator looks up. */
@RestController
@Tag(name = "Survey owners", description = "Network owners of surveyed addresses and what each needs to act on")
class AddressOwnerController {

    private final AddressOwnerService service;

    AddressOwnerController(AddressOwnerService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/v1/address-owners/imports", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Import the address-to-owner table (format=rir, routes or csv; the file as the body, at most"
            + " 64 MiB and 2,000,000 lines); all or nothing, it replaces the active table")
    public ResponseEntity<AddressOwnerService.ImportView> importFile(Actor actor, @RequestParam(required = false) String format,
                                                                     @RequestParam(required = false) String fileName,
                                                                     HttpServletRequest request) throws IOException {
        if (format == null) {
            throw ApiException.invalid("format", "required: rir, routes or csv");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(service.importFile(actor, format, fileName,
                request.getContentLengthLong(), request.getInputStream()));
    }

    @GetMapping("/api/v1/address-owners/imports")
    @Operation(summary = "The latest imports of the address-to-owner table, newest first, the active one marked")
    public List<AddressOwnerService.ImportView> imports(Actor actor) {
        return service.imports(actor);
    }

    @GetMapping("/api/v1/address-owners/lookup")
    @Operation(summary = "Who holds an address by the active table: the smallest block that holds it (404 when none)")
    public Owner.Block lookup(Actor actor, @RequestParam(required = false) String address) {
        return service.lookup(actor, address).orElseThrow(() -> ApiException.notFound("an owner of " + address));
    }

    @Configuration(proxyBeanMethods = false)
    static class Limits {
        /** Imports are capped by the service (iotseal.surveys.owners.max-bytes), not by the general request cap. */
        @Bean
        RequestSizeLimitFilter.OwnSizeLimit addressOwnerImports() {
            return RequestSizeLimitFilter.OwnSizeLimit.posts(Pattern.compile("/api/v1/address-owners/imports/?"));
        }
    }
}
