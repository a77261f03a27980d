package io.iotseal.server.bootstrap;

import io.iotseal.server.demo.DemoRecords;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelProperties;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Prints where the server can be opened at every start, once the port is known (it may have been
 * chosen by the system), and the demo label's page when the registry holds demo data (ADR 0071): the
 * things a person starting it needs, so printed, not only logged.
 */
@Component
public class StartMessage implements ApplicationListener<WebServerInitializedEvent> {
    private static final Logger log = LoggerFactory.getLogger(StartMessage.class);

    private final Environment environment;
    private final DemoRecords demo;
    private final LabelLookup labels;
    private final LabelProperties labelProperties;
    private final PrintStream out;

    public StartMessage(Environment environment, DemoRecords demo, LabelLookup labels, LabelProperties labelProperties) {
        this.environment = environment;
        this.demo = demo;
        this.labels = labels;
        this.labelProperties = labelProperties;
        this.out = System.out;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        out.println("IoTSeal registry: " + url(environment.getProperty("server.address"), event.getWebServer().getPort()));
        demoLabelPage().ifPresent(page -> out.println("Demo label page (no login): " + page));
    }

    /**
     * The page of the demo declaration's current label (after a renewal, the new one), on the public URL
     * its QR code names; empty without demo data. A database that cannot answer costs the line, not the start.
     */
    private Optional<String> demoLabelPage() {
        try {
            return demo.all(DemoRecords.Kind.ASSESSMENT).stream().map(labels::forAssessment).filter(Objects::nonNull)
                    .findFirst().map(label -> labelProperties.urls().labelPageBase() + label.labelId());
        } catch (DataAccessException e) {
            log.warn("could not look up the demo label: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** http://host:port/ for a listening address; a wildcard address is shown as this machine. */
    static String url(String address, int port) {
        String host = address == null || address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)
                ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port + "/";
    }
}
