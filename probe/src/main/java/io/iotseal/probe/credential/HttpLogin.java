package io.iotseal.probe.credential;

import io.iotseal.probe.http.HttpResponse;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.util.Map;

/**
 * HTTP Basic or Digest login on a page that answered 401, judged as {@link ChallengeLogin} describes. Only
 * GET is used, so no form is submitted and nothing is changed.
 */
public record HttpLogin(Dialer dialer, int port, boolean tls, String path) implements LoginClient {
    @Override
    public String service() {
        return tls ? "https" : "http";
    }

    @Override
    public boolean cleartext() {
        return !tls;
    }

    @Override
    public LoginAttempt attempt(Credential credential) {
        ChallengeLogin login = new ChallengeLogin(service(), "GET", path,
                headers -> RawHttp.get(dialer, port, tls, path, headers));
        return Attempts.timed(credential, transcript -> login.attempt(credential, transcript));
    }

    /** Fetches {@code path} without credentials: the page and its challenge, if any. */
    public HttpResponse fetchUnauthenticated() throws IOException {
        return RawHttp.get(dialer, port, tls, path, Map.of());
    }
}
