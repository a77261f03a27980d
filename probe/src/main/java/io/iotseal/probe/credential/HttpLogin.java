package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Redactor;
import io.iotseal.probe.http.AuthChallenge;
import io.iotseal.probe.http.DigestAuthorization;
import io.iotseal.probe.http.HttpResponse;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * HTTP Basic or Digest login on a page that answered 401. Each Digest attempt first fetches a fresh
 * challenge, since many devices issue one-time nonces. Only GET is used, so no form is submitted and
 * nothing is changed; 2xx/3xx means the credential works, 401 that it does not, 403/429/503 that the
 * device is refusing attempts.
 */
public record HttpLogin(Dialer dialer, int port, boolean tls, String path) implements LoginClient {
    private static final SecureRandom RANDOM = new SecureRandom();

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
        return Attempts.timed(credential, transcript -> {
            HttpResponse challengeResponse = RawHttp.get(dialer, port, tls, path, Map.of());
            var challenge = AuthChallenge.best(challengeResponse.headers("www-authenticate"));
            if (challengeResponse.status() != 401 || challenge.isEmpty()) {
                transcript.add(new Exchange(service(), challengeResponse.rawRequest(), challengeResponse.rawResponse()));
                return refusedOrUnknown(challengeResponse.status(), "no Basic/Digest challenge");
            }
            String authorization = authorization(challenge.get(), credential);
            HttpResponse answer = RawHttp.get(dialer, port, tls, path, Map.of("Authorization", authorization));
            transcript.add(new Exchange(service(), Redactor.transcript(answer.rawRequest(), credential.password()),
                    Redactor.transcript(answer.rawResponse(), credential.password())));
            int status = answer.status();
            if (status >= 200 && status < 400) {
                return new Attempts.Result(LoginOutcome.ACCEPTED, status + " with " + challenge.get().scheme());
            }
            if (status == 401) {
                return new Attempts.Result(LoginOutcome.REJECTED, "401 " + challenge.get().scheme() + " rejected");
            }
            return refusedOrUnknown(status, "status " + status);
        });
    }

    private static Attempts.Result refusedOrUnknown(int status, String detail) {
        boolean refusing = status == 403 || status == 429 || status == 503;
        return new Attempts.Result(refusing ? LoginOutcome.REFUSED : LoginOutcome.UNKNOWN, detail);
    }

    private String authorization(AuthChallenge challenge, Credential credential) {
        if (challenge.scheme().equals("basic")) {
            String pair = credential.username() + ":" + credential.password();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        String cnonce = randomHex(8);
        return DigestAuthorization.header(challenge, "GET", path, credential.username(), credential.password(), cnonce, 1);
    }

    /** Fetches {@code path} without credentials: the page and its challenge, if any. */
    public HttpResponse fetchUnauthenticated() throws IOException {
        return RawHttp.get(dialer, port, tls, path, Map.of());
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
