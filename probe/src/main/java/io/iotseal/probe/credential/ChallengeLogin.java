package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Redactor;
import io.iotseal.probe.http.AuthChallenge;
import io.iotseal.probe.http.DigestAuthorization;
import io.iotseal.probe.http.HttpResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A login by answering a 401's Basic or Digest challenge, shared by HTTP ({@link HttpLogin}) and RTSP
 * ({@link RtspLogin}): RTSP took its authentication from HTTP (RFC 2326 section 14.10, RFC 7826 section
 * 19), so the same rules judge both. Each attempt first fetches a fresh challenge, since many devices issue
 * one-time nonces. 2xx/3xx means the credential works, 401 that it does not, 429/503 that the device is
 * refusing attempts. Any other status (403 from lighttpd for a directory without an index, 404, 500) means
 * the request got past authentication, unless the device answers everyone that way: a control request
 * with a random user name and password decides (ADR 0076). A random user name, so that no real account
 * receives a wrong password.
 */
final class ChallengeLogin {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Sends the request once more with the given extra headers. */
    @FunctionalInterface
    interface Sender {
        HttpResponse send(Map<String, String> headers) throws IOException;
    }

    private final String service;
    private final String method;
    private final String digestUri;
    private final Sender sender;

    /**
     * @param method    the request's method, part of a Digest response (GET, DESCRIBE)
     * @param digestUri the request URI as the request line names it, part of a Digest response
     */
    ChallengeLogin(String service, String method, String digestUri, Sender sender) {
        this.service = service;
        this.method = method;
        this.digestUri = digestUri;
        this.sender = sender;
    }

    Attempts.Result attempt(Credential credential, List<Exchange> transcript) throws IOException {
        HttpResponse challengeResponse = sender.send(Map.of());
        var challenge = AuthChallenge.best(challengeResponse.headers("www-authenticate"));
        if (challengeResponse.status() != 401 || challenge.isEmpty()) {
            transcript.add(new Exchange(service, challengeResponse.rawRequest(), challengeResponse.rawResponse()));
            return refusedOrUnknown(challengeResponse.status(), "no Basic/Digest challenge");
        }
        String authorization = authorization(challenge.get(), credential);
        HttpResponse answer = sender.send(Map.of("Authorization", authorization));
        transcript.add(new Exchange(service, Redactor.transcript(answer.rawRequest(), credential.password()),
                Redactor.transcript(answer.rawResponse(), credential.password())));
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return new Attempts.Result(LoginOutcome.ACCEPTED, status + " with " + challenge.get().scheme());
        }
        if (status >= 300 && status < 400) {
            return new Attempts.Result(LoginOutcome.ACCEPTED, status + " with " + challenge.get().scheme()
                    + " (note: a redirect after authentication, " + answer.header("location") + ")");
        }
        if (status == 401) {
            return new Attempts.Result(LoginOutcome.REJECTED, "401 " + challenge.get().scheme() + " rejected");
        }
        if (status == 429 || status == 503) {
            return new Attempts.Result(LoginOutcome.REFUSED, "status " + status);
        }
        return control(status, challenge.get().scheme(), transcript);
    }

    /**
     * After a status other than 2xx, 3xx, 401, 429 or 503: whether a random pair gets 401. If it does, the
     * credential passed authentication and only the resource is unavailable to it: a success, with a note.
     */
    private Attempts.Result control(int status, String scheme, List<Exchange> transcript) throws IOException {
        Credential random = new Credential("iotseal-control-" + randomHex(3), randomHex(12), "random control pair", true);
        HttpResponse challengeResponse = sender.send(Map.of());
        var challenge = AuthChallenge.best(challengeResponse.headers("www-authenticate"));
        int controlStatus = challengeResponse.status();
        if (controlStatus == 401 && challenge.isPresent()) {
            HttpResponse control = sender.send(Map.of("Authorization", authorization(challenge.get(), random)));
            controlStatus = control.status();
            transcript.add(new Exchange(service, "control: " + Redactor.transcript(control.rawRequest(), random.password()),
                    control.rawResponse()));
        }
        if (controlStatus == 401) {
            return new Attempts.Result(LoginOutcome.ACCEPTED, status + " after " + scheme + " authentication (note: the "
                    + "credential passed authentication but the resource answered " + status + "; a random pair got 401)");
        }
        return new Attempts.Result(status == 403 && controlStatus == 403 ? LoginOutcome.REFUSED : LoginOutcome.UNKNOWN,
                "status " + status + ", and " + controlStatus + " for a random pair");
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
        return DigestAuthorization.header(challenge, method, digestUri, credential.username(), credential.password(),
                randomHex(8), 1);
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
