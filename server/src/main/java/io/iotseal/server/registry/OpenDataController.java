package io.iotseal.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.digest.Sha256;
import io.iotseal.server.label.LabelProperties;
import io.iotseal.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The open-data dump and its description, for anyone to mirror (issue 13, ADR 0083). Each file carries a
 * strong ETag (its SHA-256 for the dump, the digest of the bytes for the others) and may be cached for a
 * few minutes, then revalidated: a conditional GET of an unchanged file is a 304 without a body.
 */
@RestController
@RequestMapping(OpenDataController.PATH)
class OpenDataController {

    static final String PATH = "/api/v1/open-data";
    static final String DCAT = "dcat.jsonld";
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final MediaType GZIP = MediaType.valueOf("application/gzip");
    private static final MediaType JOSE = MediaType.valueOf("application/jose");

    private final OpenDataDumps dumps;
    private final RegistryRepository repository;
    private final OpenDataProperties properties;
    private final ObjectMapper json;
    private final String base;

    OpenDataController(OpenDataDumps dumps, RegistryRepository repository, OpenDataProperties properties,
                       ObjectMapper json, LabelProperties labels) {
        this.dumps = dumps;
        this.repository = repository;
        this.properties = properties;
        this.json = json;
        this.base = labels.publicUrl().replaceAll("/+$", "");
    }

    @Operation(summary = "Every public label as JSON Lines, gzip-compressed (open data; verify with the .jws and the JWKS)")
    @GetMapping(OpenDataDumps.DATA)
    public ResponseEntity<Resource> labels(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
                                           @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OpenDataDumps.Dump dump = dump(params);
        return file(dump.data(), GZIP, "\"" + dump.sha256() + "\"", ifNoneMatch);
    }

    @Operation(summary = "The dump's detached JWS signature (RFC 7797, EdDSA, a key of /.well-known/jwks.json)")
    @GetMapping(OpenDataDumps.SIGNATURE)
    public ResponseEntity<Resource> signature(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
                                              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OpenDataDumps.Dump dump = dump(params);
        return file(dump.signature(), JOSE, "\"" + dump.sha256() + "-jws\"", ifNoneMatch);
    }

    @Operation(summary = "The dump's SHA-256 checksum (sha256sum format)")
    @GetMapping(OpenDataDumps.CHECKSUM)
    public ResponseEntity<Resource> checksum(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
                                             @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OpenDataDumps.Dump dump = dump(params);
        return file(dump.checksum(), new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.US_ASCII),
                "\"" + dump.sha256() + "-sha256\"", ifNoneMatch);
    }

    @Operation(summary = "The open data's DCAT-AP 3 description (JSON-LD)")
    @GetMapping(DCAT)
    public ResponseEntity<byte[]> dcat(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
                                       @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch)
            throws JsonProcessingException {
        OpenDataDumps.Dump dump = dump(params);
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(DcatDescription.of(json, base, dump,
                repository.operator(), properties.licence(), dumps.interval()));
        String etag = "\"" + Sha256.hex(body).substring(0, 32) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return notModified(etag);
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf(DcatDescription.MEDIA_TYPE)).eTag(etag)
                .cacheControl(cache()).body(body);
    }

    /** The dump being served; these files take no parameters, and there is none until the first dump is made. */
    private OpenDataDumps.Dump dump(MultiValueMap<String, String> params) {
        if (!params.isEmpty()) {
            throw ApiException.invalid(params.keySet().iterator().next(), "unknown parameter; the open-data files take none");
        }
        OpenDataDumps.Dump dump = dumps.current();
        if (dump == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "the first open-data dump is being made; try again in a minute");
        }
        return dump;
    }

    private static ResponseEntity<Resource> file(Path path, MediaType type, String etag, String ifNoneMatch) {
        if (etag.equals(ifNoneMatch)) {
            return notModified(etag);
        }
        return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(cache())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + path.getFileName() + "\"")
                .body(new FileSystemResource(path));
    }

    private static <T> ResponseEntity<T> notModified(String etag) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache()).build();
    }

    private static CacheControl cache() {
        return CacheControl.maxAge(MAX_AGE).cachePublic();
    }
}
