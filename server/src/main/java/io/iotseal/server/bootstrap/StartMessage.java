package io.iotseal.server.bootstrap;

import java.io.PrintStream;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where the server can be opened at every start, once the port is known (it may have been
 * chosen by the system): the one thing a person starting it needs, so printed, not only logged.
 */
@Component
public class StartMessage implements ApplicationListener<WebServerInitializedEvent> {
    private final Environment environment;
    private final PrintStream out;

    public StartMessage(Environment environment) {
        this.environment = environment;
        this.out = System.out;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        out.println("IoTSeal registry: " + url(environment.getProperty("server.address"), event.getWebServer().getPort()));
    }

    /** http://host:port/ for a listening address; a wildcard address is shown as this machine. */
    static String url(String address, int port) {
        String host = address == null || address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)
                ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port + "/";
    }
}
