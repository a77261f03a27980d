package io.iotseal.server.csaf;

import io.iotseal.csaf.CsafProviderFiles;
import io.iotseal.digest.Sha256;
import io.iotseal.openpgp.OpenPgpKeyPair;
import io.iotseal.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The registry as a CSAF provider (issue 17 item 6, ADR 0098), public like the label registry: the provider
 * metadata, the TLP:WHITE directory (index.txt, changes.csv, each document with its .sha512 and .asc), the
 * signing key, and security.txt. Every file has a strong ETag (a hash of its bytes) and may be cached for a few
 * minutes; a conditional GET of an unchanged file is a 304 without a body.
 */
@RestController
class CsafController {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType(MediaType.valueOf("text/csv"), StandardCharsets.UTF_8);
    /** RFC 3156's media types of a detached signature and of a public key. */
    private static final MediaType SIGNATURE = MediaType.valueOf("application/pgp-signature");
    private static final MediaType KEYS = MediaType.valueOf("application/pgp-keys");

    private final CsafRepository repository;
    private final CsafSite site;
    private final RegistryOpenPgpKey key;
    private final SecurityTxt securityTxt;
    private final Clock clock;

    CsafController(CsafRepository repository, CsafSite site, RegistryOpenPgpKey key, SecurityTxt securityTxt,
                   Clock clock) {
        this.repository = repository;
        this.site = site;
        this.key = key;
        this.securityTxt = securityTxt;
        this.clock = clock;
    }

    @Operation(summary = "The registry's CSAF provider metadata (CSAF 2.0 requirement 7)")
    @GetMapping(CsafSite.METADATA)
    public ResponseEntity<byte[]> providerMetadata(
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OpenPgpKeyPair signer = key.get();
        String metadata = CsafProviderFiles.providerMetadata(site.providerMetadataUrl(), site.directoryUrl(),
                site.publisher(), repository.lastPublished().orElse(clock.instant()),
                List.of(new CsafProviderFiles.PublicKey(signer.fingerprint(), site.keyUrl(signer.fingerprint()))),
                site.properties().listOnAggregators(), site.properties().mirrorOnAggregators());
        return file(metadata, MediaType.APPLICATION_JSON, ifNoneMatch);
    }

    @Operation(summary = "Every published CSAF document's path, one a line (CSAF 2.0 requirement 12)")
    @GetMapping(CsafSite.DIRECTORY + "/index.txt")
    public ResponseEntity<byte[]> index(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return file(CsafProviderFiles.indexTxt(repository.all().stream().map(CsafRepository.Stored::path).toList()),
                TEXT, ifNoneMatch);
    }

    @Operation(summary = "Each publication's path and current release date, the latest first (CSAF 2.0 requirement 13)")
    @GetMapping(CsafSite.DIRECTORY + "/changes.csv")
    public ResponseEntity<byte[]> changes(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return file(CsafProviderFiles.changesCsv(repository.changes()), CSV, ifNoneMatch);
    }

    @Operation(summary = "A published CSAF 2.0 document (TLP:WHITE)")
    @GetMapping(CsafSite.DIRECTORY + "/{year}/{name}.json")
    public ResponseEntity<byte[]> document(@PathVariable String year, @PathVariable String name,
                                           @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return file(stored(year, name).document(), MediaType.APPLICATION_JSON, ifNoneMatch);
    }

    @Operation(summary = "A CSAF document's SHA-512 hash, as sha512sum writes it (CSAF 2.0 requirement 18)")
    @GetMapping(CsafSite.DIRECTORY + "/{year}/{name}.json.sha512")
    public ResponseEntity<byte[]> hash(@PathVariable String year, @PathVariable String name,
                                       @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CsafRepository.Stored s = stored(year, name);
        return file(s.sha512() + "  " + s.fileName() + "\n", TEXT, ifNoneMatch);
    }

    @Operation(summary = "A CSAF document's detached OpenPGP signature, ASCII-armored (CSAF 2.0 requirement 19)")
    @GetMapping(CsafSite.DIRECTORY + "/{year}/{name}.json.asc")
    public ResponseEntity<byte[]> signature(@PathVariable String year, @PathVariable String name,
                                            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return file(stored(year, name).signature(), SIGNATURE, ifNoneMatch);
    }

    @Operation(summary = "The registry's public OpenPGP key that signs its CSAF documents and security.txt")
    @GetMapping(CsafSite.KEYS + "/{fingerprint}.asc")
    public ResponseEntity<byte[]> publicKey(@PathVariable String fingerprint,
                                            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OpenPgpKeyPair signer = key.get();
        if (!signer.fingerprint().equalsIgnoreCase(fingerprint)) {
            throw ApiException.notFound("OpenPGP key " + fingerprint);
        }
        return file(signer.publicKey().armored(), KEYS, ifNoneMatch);
    }

    @Operation(summary = "The registry's security.txt (RFC 9116), OpenPGP cleartext-signed")
    @GetMapping(CsafSite.SECURITY_TXT)
    public ResponseEntity<byte[]> securityTxt(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return file(securityTxt.signed(), TEXT, ifNoneMatch);
    }

    private CsafRepository.Stored stored(String year, String name) {
        if (!year.matches("[0-9]{4}") || !name.matches("[+\\-a-z0-9_]{1,245}")) {
            throw ApiException.notFound("CSAF document " + year + "/" + name + ".json");
        }
        return repository.byPath(Integer.parseInt(year), name + ".json")
                .orElseThrow(() -> ApiException.notFound("CSAF document " + year + "/" + name + ".json"));
    }

    private static ResponseEntity<byte[]> file(String content, MediaType type, String ifNoneMatch) {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Sha256.hex(body).substring(0, 32) + "\"";
        CacheControl cache = CacheControl.maxAge(MAX_AGE).cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(cache).body(body);
    }
}
