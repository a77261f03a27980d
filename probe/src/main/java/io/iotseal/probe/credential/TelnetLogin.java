package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Redactor;
import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Telnet login: wait for the login prompt, send the user name, wait for the password prompt, send the
 * password, then judge by what comes back: a shell prompt is a login, a failure message or a new login
 * prompt is a rejection. After a login it sends {@code exit} and disconnects.
 */
public record TelnetLogin(Dialer dialer, int port) implements LoginClient {
    static final Pattern LOGIN_PROMPT = Pattern.compile("(?i)(login|username|user name|user)\\s*:\\s*$");
    static final Pattern PASSWORD_PROMPT = Pattern.compile("(?i)password\\s*:\\s*$");
    static final Pattern SHELL_PROMPT = Pattern.compile("[#$>%]\\s*$");
    static final Pattern FAILURE = Pattern.compile(
            "(?i)(incorrect|invalid|fail|denied|wrong|bad password|not allowed|(login|username)\\s*:\\s*$)");
    private static final Pattern ANY_PROMPT = Pattern.compile(
            LOGIN_PROMPT.pattern() + "|" + PASSWORD_PROMPT.pattern() + "|" + SHELL_PROMPT.pattern());

    @Override
    public String service() {
        return "telnet";
    }

    @Override
    public boolean cleartext() {
        return true;
    }

    @Override
    public LoginAttempt attempt(Credential credential) {
        return attempt(credential, dialer.timeout());
    }

    /** @param answerWait how long to wait for the answer to the password (/bin/login delays a failure 3 s) */
    @Override
    public LoginAttempt attempt(Credential credential, java.time.Duration answerWait) {
        return Attempts.timed(credential, transcript -> {
            long wait = dialer.timeout().toMillis();
            try (Connection c = dialer.connect(port)) {
                TelnetSession telnet = new TelnetSession(c);
                String greeting = telnet.readUntil(ANY_PROMPT, wait);
                transcript.add(new Exchange(service(), "", greeting));
                if (!LOGIN_PROMPT.matcher(greeting).find() && !PASSWORD_PROMPT.matcher(greeting).find()
                        && SHELL_PROMPT.matcher(greeting).find()) {
                    // A shell before any prompt (telnetd -l /bin/sh): no password is asked for, so none is
                    // checked. The missing login is anonymous-access's FAIL, not a credential verdict (ADR 0076).
                    telnet.sendLine("exit");
                    return new Attempts.Result(LoginOutcome.NOT_OFFERED,
                            "a shell prompt appears without any login prompt; no password is asked for");
                }
                if (LOGIN_PROMPT.matcher(greeting).find()) {
                    telnet.sendLine(credential.username());
                    String reply = telnet.readUntil(ANY_PROMPT, wait);
                    transcript.add(new Exchange(service(), credential.username(), reply));
                    greeting = reply;
                }
                if (!PASSWORD_PROMPT.matcher(greeting).find()) {
                    if (SHELL_PROMPT.matcher(greeting).find()) {
                        telnet.sendLine("exit");
                        return new Attempts.Result(LoginOutcome.ACCEPTED, "shell prompt after the user name, without a password");
                    }
                    return new Attempts.Result(LoginOutcome.UNKNOWN, "no password prompt");
                }
                telnet.sendLine(credential.password());
                String answer = telnet.readUntil(Pattern.compile(FAILURE.pattern() + "|" + SHELL_PROMPT.pattern()),
                        answerWait.toMillis());
                transcript.add(new Exchange(service(), Redactor.password(credential.password()),
                        Redactor.transcript(answer, credential.password())));
                if (FAILURE.matcher(answer).find()) {
                    return new Attempts.Result(LoginOutcome.REJECTED, "login refused");
                }
                if (SHELL_PROMPT.matcher(answer).find()) {
                    telnet.sendLine("exit");
                    return new Attempts.Result(LoginOutcome.ACCEPTED, "shell prompt after login");
                }
                return new Attempts.Result(LoginOutcome.UNKNOWN, answer.isEmpty()
                        ? "no answer to the password in " + answerWait.toMillis() + " ms" : "unrecognised answer");
            }
        });
    }

    /**
     * Connects and reads what the service shows before any login (for banners and for shells that need no
     * login at all), then disconnects.
     */
    public String greeting() throws IOException {
        try (Connection c = dialer.connect(port)) {
            return new TelnetSession(c).readUntil(ANY_PROMPT, dialer.timeout().toMillis());
        }
    }
}
