package io.iotseal.probe.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP response as the probe needs it: status, headers (names in lower case) and the start of the body.
 *
 * @param rawRequest  the request as sent (for evidence; redact before storing)
 * @param rawResponse status line and headers as received
 */
public record HttpResponse(int status, Map<String, List<String>> headers, String body, String rawRequest,
                           String rawResponse) {

    /** First value of a header, or "" when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
