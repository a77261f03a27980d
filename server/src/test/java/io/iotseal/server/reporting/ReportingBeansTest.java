package io.iotseal.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.disclosure.CraDrafts;
import io.iotseal.disclosure.CraReportInput;
import io.iotseal.disclosure.CraStage;
import io.iotseal.disclosure.DeadlineState;
import io.iotseal.disclosure.Moment;
import io.iotseal.disclosure.ReportingClocks;
import io.iotseal.server.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the case pages will call is in the application context: the start-checked clocks and the PDF renderer. */
class ReportingBeansTest extends ApiTest {
    @Autowired
    ReportingClocks clocks;
    @Autowired
    CraDraftPdf pdf;

    @Test
    void theClocksAndTheRendererAreBeans() throws Exception {
        var deadlines = clocks.deadlines("jc-star", Map.of(Moment.EXPLOITATION_KNOWN, Instant.parse("2026-10-05T10:17:00Z")),
                Instant.parse("2026-10-06T12:00:00Z"));
        assertThat(deadlines).filteredOn(d -> d.clockId().equals("vulnerability-early-warning"))
                .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(DeadlineState.OVERDUE));
        var input = new CraReportInput(new CraReportInput.Manufacturer("Vendor", null), "Camera", List.of("1.0"),
                "CASE-1", null, null, null, null, null, true, List.of("DE"), null, null, null, null, null, null,
                Instant.parse("2026-10-05T10:17:00Z"));
        byte[] bytes = pdf.render(CraDrafts.build(CraStage.EARLY_WARNING, input, Instant.parse("2026-10-05T11:00:00Z")),
                Locale.JAPANESE);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
