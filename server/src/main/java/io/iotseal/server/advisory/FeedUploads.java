package io.iotseal.server.advisory;

import io.iotseal.advisory.feed.FeedBatch;
import io.iotseal.advisory.feed.FeedException;
import io.iotseal.advisory.feed.FeedKind;
import io.iotseal.advisory.feed.FeedReaders;
import io.iotseal.digest.Sha256;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.CappedUpload;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A feed file uploaded by an operator admin (issue 16 item 2, ADR 0095): capped in size, read whole by the
 * core's {@link FeedReaders} (all or nothing: a broken file is refused naming the file and where it broke),
 * then stored by {@link AdvisoryImports} in one transaction.
 */
@Service
public class FeedUploads {

    private final AdvisoryImports imports;
    private final AdvisoryProperties properties;

    FeedUploads(AdvisoryImports imports, AdvisoryProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    public FeedImport upload(Actor actor, String kindName, String name, long contentLength, InputStream body) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("advisory feeds are imported by the operator's admins");
        }
        FeedKind kind = kind(kindName);
        byte[] content = CappedUpload.read(contentLength, body, properties.maxBytes(), this::tooLarge);
        if (content.length == 0) {
            throw ApiException.invalid("body", "empty: send the feed file as the request body");
        }
        String fileName = name == null || name.isBlank() ? "upload" + extension(content) : name.strip();
        if (fileName.length() > 1000) {
            throw ApiException.invalid("name", "at most 1000 characters");
        }
        FeedBatch batch;
        try {
            batch = FeedReaders.read(kind, fileName, content);
        } catch (FeedException e) {
            String message = e.getMessage().startsWith(e.location() + ": ")
                    ? e.getMessage().substring(e.location().length() + 2) : e.getMessage();
            throw ApiException.withErrors(HttpStatus.BAD_REQUEST, "Malformed feed",
                    List.of(new FieldError(e.location(), message)));
        }
        return imports.store(actor, new AdvisoryImports.Batch(kind.name(), fileName, Sha256.hex(content),
                batch.advisories(), batch.kev(), batch.warnings()));
    }

    private static FeedKind kind(String name) {
        try {
            return FeedKind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", "one of osv, nvd, jvn, kev; not " + name);
        }
    }

    /** Without a name, the content tells the reader what it is: zip and gzip by their magic bytes, XML by '<'. */
    static String extension(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return ".zip";
        }
        if (content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
            return ".json.gz";
        }
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != (byte) 0xef && b != (byte) 0xbb && b != (byte) 0xbf) {
                return b == '<' ? ".xml" : ".json";
            }
        }
        return ".json";
    }

    private ApiException tooLarge(String size) {
        return ApiException.withErrors(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", List.of(new FieldError("body",
                "the feed file is " + size + "; feed uploads may be at most " + properties.maxBytes()
                        + " bytes (iotseal.advisories.max-bytes)")));
    }
}
