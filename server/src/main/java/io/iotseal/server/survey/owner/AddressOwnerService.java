package io.iotseal.server.survey.owner;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.CappedUpload;
import io.iotseal.server.web.FieldError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's address-to-owner table (issue 18 item 4, ADR 0106): an admin imports a file, which replaces the
 * active table in one transaction when every line is good and changes nothing otherwise; the operator's people look
 * up who holds an address (the smallest block that holds it).
 */
@Service
public class AddressOwnerService {

    private final AddressOwnerRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;
    private final long maxLines;

    AddressOwnerService(AddressOwnerRepository repository, AuditLog audit, Clock clock,
                        @Value("${iotseal.surveys.owners.max-bytes:67108864}") long maxBytes,
                        @Value("${iotseal.surveys.owners.max-lines:2000000}") long maxLines) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
    }

    /** What an import answers: the import, or (422) the bad lines. */
    public record ImportView(UUID id, String format, String fileName, String sha256, int blocks, int skippedLines,
                             boolean active, String importedBy, OffsetDateTime importedAt) {
        static ImportView of(AddressOwnerRepository.Import i) {
            return new ImportView(i.id(), i.sourceKind().toLowerCase(java.util.Locale.ROOT), i.fileName(), i.sha256(),
                    i.blocks(), i.skippedLines(), i.active(), i.importedBy(), i.importedAt());
        }
    }

    @Transactional
    public ImportView importFile(Actor actor, String format, String fileName, long contentLength, InputStream body) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw actor.isOperator() ? ApiException.forbidden("the operator's admins import the address-to-owner table")
                    : ApiException.forbidden("the address-to-owner table is the scheme operator's");
        }
        SourceKind kind = SourceKind.of(format);
        String name = fileName == null || fileName.isBlank() ? "upload." + kind.code() : fileName.strip();
        if (name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("fileName", "at most 255 characters, no control characters");
        }
        byte[] content = CappedUpload.read(contentLength, body, maxBytes, size -> ApiException.withErrors(
                HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", List.of(new FieldError("body",
                        "the file is " + size + "; at most " + maxBytes + " bytes (iotseal.surveys.owners.max-bytes)"))));
        if (content.length == 0) {
            throw ApiException.invalid("body", "the file is empty");
        }
        String text = utf8(content);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.insertImport(new AddressOwnerRepository.Import(id, kind.name(), name, sha256(content), 0, 0, false,
                actor.auditName(), now));
        List<OwnerBlock> batch = new ArrayList<>(AddressOwnerRepository.BATCH);
        OwnerFileParser.Result result;
        try {
            result = OwnerFileParser.parse(kind, new java.io.StringReader(text), maxLines, b -> {
                batch.add(b);
                if (batch.size() == AddressOwnerRepository.BATCH) {
                    repository.insertBlocks(id, batch);
                    batch.clear();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!result.errors().isEmpty()) {
            // The transaction rolls back: the import row and the blocks written so far go; the active table stays.
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", result.errors().stream()
                    .map(e -> new FieldError("line " + e.line(), e.message())).toList());
        }
        if (result.blocks() == 0) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                    List.of(new FieldError("body", "no line names an owner of addresses")));
        }
        if (!batch.isEmpty()) {
            repository.insertBlocks(id, batch);
        }
        repository.activate(id, result.blocks(), result.skipped());
        repository.refreshStatistics();
        AddressOwnerRepository.Import stored = repository.active().orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("format", kind.code());
        after.put("fileName", name);
        after.put("sha256", stored.sha256());
        after.put("blocks", stored.blocks());
        after.put("skippedLines", stored.skippedLines());
        audit.record(actor, "address-owners.import", "address_owner_import", id, null, after);
        return ImportView.of(stored);
    }

    /** The latest imports, the active one among them, newest first. */
    @Transactional(readOnly = true)
    public List<ImportView> imports(Actor actor) {
        requireOperator(actor);
        return repository.recent(20).stream().map(ImportView::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ImportView> active(Actor actor) {
        requireOperator(actor);
        return repository.active().map(ImportView::of);
    }

    /** Who holds {@code address} by the active table; 400 naming {@code address} for a text that is no IP literal. */
    @Transactional(readOnly = true)
    public Optional<Owner.Block> lookup(Actor actor, String address) {
        requireOperator(actor);
        BigInteger a = Addresses.parse(address == null ? null : address.strip());
        if (a == null) {
            throw ApiException.invalid("address", "an IPv4 or IPv6 address such as 192.0.2.1 or 2001:db8::1");
        }
        return repository.lookup(a);
    }

    /** A lookup for the survey reports, which check the caller themselves; null for a text that is no IP literal. */
    public Owner.Block ownerOf(String address) {
        BigInteger a = Addresses.parse(address);
        return a == null ? null : repository.lookup(a).orElse(null);
    }

    static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("the address-to-owner table is the scheme operator's");
        }
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("body", "the file must be UTF-8 (or ASCII) text");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
