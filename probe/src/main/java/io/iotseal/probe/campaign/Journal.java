package io.iotseal.probe.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.report.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The campaign's state file: one JSON line per finished device, appended and flushed as each device
 * finishes. A campaign started again with the same journal skips the devices already in it. A line cut
 * short by a crash is ignored, so that device is simply probed again.
 */
public final class Journal {
    private final Path file;
    private final ObjectMapper json = Json.mapper();

    public Journal(Path file) {
        this.file = file;
    }

    /** Reports of devices finished in earlier runs. */
    public List<DeviceReport> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<DeviceReport> reports = new ArrayList<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    reports.add(json.readValue(line, DeviceReport.class));
                } catch (JsonProcessingException truncated) {
                    // An interrupted write: that device is probed again.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": cannot read", e);
        }
        return reports;
    }

    public synchronized void append(DeviceReport report) {
        try {
            String line = json.writeValueAsString(report) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": cannot write", e);
        }
    }
}
