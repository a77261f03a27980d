package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;

/** The JSON mapper used for the journal and the --json output: ISO timestamps, records as objects. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        return JsonMappers.isoDates();
    }
}
