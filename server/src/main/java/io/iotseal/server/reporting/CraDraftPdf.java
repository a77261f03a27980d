package io.iotseal.server.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.disclosure.CraReportDraft;
import io.iotseal.server.assessment.DeclarationProperties;
import io.iotseal.server.assessment.UnicodeMapFix;
import io.iotseal.server.web.ApiException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CRA report draft as a PDF for the manufacturer to read, check and copy into ENISA's single reporting
 * platform: a heading naming the stage, the notice that IoTSeal does not submit it, then every field of the draft's
 * JSON in its order, labelled in the reader's language (messages {@code clocks.draft.*}), values as written (only
 * the stage, "unknown" and yes/no are translated). The
 * Japanese font is the Declaration of Conformity's (ADR 0044), embedded as a subset, and the text extracts as
 * written ({@link UnicodeMapFix}).
 */
@Component
public class CraDraftPdf {

    private final Path fontPath;
    private final MessageSource messages;

    public CraDraftPdf(DeclarationProperties properties, MessageSource messages) {
        this.fontPath = Path.of(properties.font());
        this.messages = messages;
    }

    public byte[] render(CraReportDraft draft, Locale locale) {
        if (!Files.isReadable(fontPath)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", "the report draft's Japanese"
                    + " font is not installed at " + fontPath + " (install fonts-ipaexfont-gothic, e.g. with"
                    + " .ci/services.sh, or set IOTSEAL_DECLARATION_FONT)");
        }
        JsonNode content = draft.content();
        String stage = t("clocks.draft.stage." + draft.stage().id(), locale);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, fontPath.toFile());
            try (PageWriter w = new PageWriter(doc, font)) {
                w.paragraph(t("clocks.draft.title", locale, stage), 16, 0);
                w.gap();
                // The draft's own "notice" says the same in English for a JSON copy read alone; here, the reader's language.
                w.paragraph(t("clocks.draft.notice", locale), 9, 0);
                w.gap();
                for (Map.Entry<String, String> field : fields(content)) {
                    w.space(3);
                    w.paragraph(t("clocks.draft.field." + field.getKey(), locale), 9, 0);
                    String value = field.getKey().equals("stage") ? stage : value(field.getValue(), locale);
                    w.paragraph(value, 10.5f, 14);
                }
                w.gap();
                w.paragraph(t("clocks.draft.format", locale, content.path("format").asText()), 8, 0);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(t("clocks.draft.title", locale, stage) + ": " + content.path("product").path("name").asText());
            info.setSubject(draft.stage().legalBasis());
            info.setCreator("IoTSeal");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return UnicodeMapFix.apply(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report draft", e);
        }
    }

    /** The draft's fields in order as ("product.name", text) pairs; the format and notice have their own places. */
    static List<Map.Entry<String, String>> fields(JsonNode content) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        collect("", content, out);
        out.removeIf(e -> e.getKey().equals("format") || e.getKey().equals("notice"));
        return out;
    }

    private static void collect(String prefix, JsonNode node, List<Map.Entry<String, String>> out) {
        node.properties().forEach(field -> {
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collect(path + ".", value, out);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                out.add(Map.entry(path, items.isEmpty() ? "-" : String.join(", ", items)));
            } else {
                out.add(Map.entry(path, value.asText()));
            }
        });
    }

    /** The draft's own words are shown as written; only its "unknown" and booleans are translated. */
    private String value(String text, Locale locale) {
        return switch (text) {
            case "unknown" -> t("clocks.draft.unknown", locale);
            case "true" -> t("clocks.draft.yes", locale);
            case "false" -> t("clocks.draft.no", locale);
            default -> text;
        };
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
