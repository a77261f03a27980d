package io.iotseal.probe.credential;

/**
 * Tries one credential against one login service. Implementations open a fresh connection per attempt,
 * disconnect right after the answer (also after a successful login, without doing anything else), and
 * never throw for network problems: those become {@link LoginOutcome#REFUSED} or {@link LoginOutcome#UNKNOWN}.
 */
public sealed interface LoginClient permits TelnetLogin, SshLogin, FtpLogin, HttpLogin, MqttLogin {
    /** Service name used in findings: telnet, ssh, ftp, http, https, mqtt, mqtts. */
    String service();

    int port();

    /** Whether credentials cross the network in clear text (Telnet, FTP, plain HTTP, plain MQTT). */
    boolean cleartext();

    LoginAttempt attempt(Credential credential);
}
