package io.iotseal.probe.credential;

import io.iotseal.probe.http.HttpResponse;
import io.iotseal.probe.http.RawRtsp;
import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.util.Map;

/**
 * RTSP Basic or Digest login, as IP cameras ask for it: {@code DESCRIBE} of a stream answers 401 with a
 * challenge (RFC 2326 sections 10.2 and 14.10, RFC 7826), the answer repeats the DESCRIBE with an
 * {@code Authorization} header, Digest per RFC 7616 with method DESCRIBE and the absolute request URI.
 * Judged by the same rules as HTTP ({@link ChallengeLogin}): 2xx accepted, 401 rejected, 404 or other
 * statuses decided by a random control pair. DESCRIBE only returns the stream's SDP description: no
 * SETUP or PLAY, so no stream is started.
 *
 * @param path the stream path that asked for credentials (from {@code --rtsp-path})
 */
public record RtspLogin(Dialer dialer, int port, boolean tls, String path) implements LoginClient {
    @Override
    public String service() {
        return tls ? "rtsps" : "rtsp";
    }

    @Override
    public boolean cleartext() {
        return !tls;
    }

    @Override
    public LoginAttempt attempt(Credential credential) {
        return attempt(credential, dialer.timeout());
    }

    /** Waits up to {@code wait} for each answer: cameras may delay failures, as {@code login} does. */
    @Override
    public LoginAttempt attempt(Credential credential, java.time.Duration wait) {
        ChallengeLogin login = new ChallengeLogin(service(), "DESCRIBE", RawRtsp.uri(dialer, port, tls, path),
                headers -> RawRtsp.describe(dialer, port, tls, path, headers, wait.toMillis()));
        return Attempts.timed(credential, transcript -> login.attempt(credential, transcript));
    }

    /** DESCRIBE of {@code path} without credentials: the stream's SDP, or a challenge. */
    public HttpResponse describeUnauthenticated() throws IOException {
        return RawRtsp.describe(dialer, port, tls, path, Map.of());
    }
}
