package io.iotseal.server.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.iotseal.server.web.ApiException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The label search's result as a download (issue 13, ADR 0080): CSV (RFC 4180, with a header row, written by
 * Jackson's CSV module) or JSON Lines, one label per line. Each label is written as its row arrives from the
 * database, so an export of the whole registry never sits in memory.
 */
enum LabelExport {
    CSV("text/csv;charset=UTF-8", "csv"), JSONL("application/jsonl;charset=UTF-8", "jsonl");

    static final List<String> CSV_COLUMNS = List.of("labelId", "id", "registrationNumber", "scheme", "level", "status",
            "vendorId", "vendorName", "productId", "productNameEn", "productNameJa", "category", "models", "versions",
            "issued", "validUntil", "supportEnd");

    final String mediaType;
    final String extension;

    LabelExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static LabelExport parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return JSONL;
        }
        for (LabelExport f : values()) {
            if (f.extension.equals(text.strip())) {
                return f;
            }
        }
        throw ApiException.invalid(field, "csv or jsonl");
    }

    /** Writes every label the filter selects to {@code out}, as they are read. */
    void write(RegistryRepository repository, LabelFilter filter, java.time.LocalDate today, ObjectMapper json,
               OutputStream out) throws IOException {
        try (SequenceWriter writer = writer(json, out)) {
            repository.each(filter, today, e -> {
                try {
                    writer.write(this == CSV ? row(e) : e);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private SequenceWriter writer(ObjectMapper json, OutputStream out) throws IOException {
        if (this == CSV) {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            CSV_COLUMNS.forEach(schema::addColumn);
            return new CsvMapper().writerFor(Object[].class).with(schema.build()).writeValues(out);
        }
        // JSON Lines: one object per line, no enclosing array.
        return json.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .withRootValueSeparator("\n").writeValues(out);
    }

    /** A CSV row in {@link #CSV_COLUMNS}' order; lists are joined with '; ' (model numbers never hold one). */
    private static Object[] row(LabelEntry e) {
        return new Object[]{e.labelId(), e.id().toString(), e.registrationNumber(), e.scheme(), e.level(), e.status(),
                e.vendorId().toString(), e.vendorName(), e.productId().toString(), e.productNameEn(), e.productNameJa(),
                e.category().name(), String.join("; ", e.models()), String.join("; ", e.versions()),
                e.issued().toString(), e.validUntil().toString(), e.supportEnd().toString()};
    }

}
