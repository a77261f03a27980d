package io.iotseal.cli;

import io.iotseal.probe.survey.nats.WorkerMain;
import io.nats.client.Connection;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the survey commands share: the NATS URL's check and connection, and the registry token's source. */
final class SurveyOptions {
    /** The environment variable that may hold the registry token instead of a file. */
    static final String TOKEN_ENV = "IOTSEAL_TOKEN";

    private SurveyOptions() {
    }

    /** The URL, if it is a NATS URL: nats:// or tls:// with a host. */
    static String natsUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("nats".equals(uri.getScheme()) || "tls".equals(uri.getScheme()))) {
                throw new UserInputException("--nats: '" + url + "' must be nats://HOST[:PORT] or tls://HOST[:PORT]");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new UserInputException("--nats: '" + url + "' is not a URL: " + e.getReason());
        }
    }

    static Connection connect(String url) {
        String checked = natsUrl(url);
        try {
            return WorkerMain.connect(checked);
        } catch (IOException e) {
            throw new UserInputException("--nats: cannot reach " + checked + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("--nats: interrupted while connecting to " + checked);
        }
    }

    /**
     * The registry's API token from a file or the environment, never from the command line, where any user of
     * the machine could read it in the process list.
     */
    static String token(Path tokenFile) {
        if (tokenFile != null) {
            try {
                String token = Files.readString(tokenFile).strip();
                if (token.isEmpty()) {
                    throw new UserInputException("--token-file: " + tokenFile + " is empty");
                }
                return token;
            } catch (IOException e) {
                throw new UserInputException("--token-file: cannot read " + tokenFile + ": " + e.getMessage());
            }
        }
        String env = System.getenv(TOKEN_ENV);
        if (env == null || env.isBlank()) {
            throw new UserInputException("--registry: give an operator admin's API token with --token-file FILE or "
                    + "the environment variable " + TOKEN_ENV);
        }
        return env.strip();
    }
}
