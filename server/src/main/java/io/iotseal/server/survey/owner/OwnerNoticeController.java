package io.iotseal.server.survey.owner;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Owner notices over HTTP (issue 18 item 4, ADR 0106): the owners of a campaign's failing devices and their findings. */
@RestController
@Tag(name = "Survey owners")
class OwnerNoticeController {

    static final List<String> CSV_COLUMNS = List.of("address", "observed_at", "port", "service", "check", "verdict",
            "summary", "requirements");

    private final OwnerNoticeService service;

    OwnerNoticeController(OwnerNoticeService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/surveys/{campaign}/owners")
    @Operation(summary = "The network owners of a campaign's devices with a FAIL finding, with their counts, most first")
    public List<OwnerNoticeService.OwnerRow> owners(Actor actor, @PathVariable String campaign) {
        return service.owners(actor, campaign);
    }

    @GetMapping("/api/v1/surveys/{campaign}/owners/{owner}/findings")
    @Operation(summary = "One owner's FAIL findings in a campaign as JSON: address, time, port, service, check, summary,"
            + " requirements (owner '-' holds the addresses no imported block holds)")
    public OwnerNoticeService.OwnerFindings findings(Actor actor, @PathVariable String campaign, @PathVariable String owner) {
        return service.findings(actor, campaign, owner);
    }

    @GetMapping(path = "/api/v1/surveys/{campaign}/owners/{owner}/findings.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "One owner's FAIL findings in a campaign as CSV (RFC 4180, UTF-8, with a header), for the owner")
    public ResponseEntity<byte[]> csv(Actor actor, @PathVariable String campaign, @PathVariable String owner) {
        OwnerNoticeService.OwnerFindings f = service.findings(actor, campaign, owner);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(campaign, owner), StandardCharsets.UTF_8).build().toString())
                .body(csv(f));
    }

    static String fileName(String campaign, String owner) {
        return "survey-" + campaign + "-owner-" + (owner.equals(Owner.UNKNOWN) ? "unknown" : owner.replace(':', '_'))
                + "-findings.csv";
    }

    /** RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
    static byte[] csv(OwnerNoticeService.OwnerFindings f) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        CSV_COLUMNS.forEach(schema::addColumn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SequenceWriter w = new CsvMapper().writerFor(Object[].class).with(schema.build())
                .writeValues(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (OwnerNoticeService.FindingRow r : f.findings()) {
                w.write(new Object[]{r.address(), r.observedAt().toInstant().toString(),
                        r.port() == null ? "" : r.port().toString(), r.service(), r.check(), r.verdict(),
                        safe(r.summary()), String.join(" ", r.requirements())});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: the file goes to
     * owners who open it in one, and summaries quote what devices answered.
     */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
