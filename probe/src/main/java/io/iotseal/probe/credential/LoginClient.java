package io.iotseal.probe.credential;

/**
 * Tries one credential against one login service. Implementations open a fresh connection per attempt,
 * disconnect right after the answer (also after a successful login, without doing anything else), and
 * never throw for network problems: those become {@link LoginOutcome#REFUSED} or {@link LoginOutcome#UNKNOWN}.
 */
public sealed interface LoginClient permits TelnetLogin, SshLogin, FtpLogin, HttpLogin, MqttLogin, RtspLogin, FormLogin {
    /** Service name used in findings: telnet, ssh, ftp, http, https, mqtt, mqtts, rtsp, rtsps. */
    String service();

    int port();

    /** Whether credentials cross the network in clear text (Telnet, FTP, plain HTTP, plain MQTT). */
    boolean cleartext();

    LoginAttempt attempt(Credential credential);

    /**
     * The same with a longer wait for the answer (a device that delays each failure, like
     * {@code /bin/login}'s 3 s). Connects still use the dialer's timeout. Clients whose answers cannot be
     * slow keep the default.
     */
    default LoginAttempt attempt(Credential credential, java.time.Duration wait) {
        return attempt(credential);
    }
}
