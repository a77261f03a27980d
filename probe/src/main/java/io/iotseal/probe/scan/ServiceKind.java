package io.iotseal.probe.scan;

/** Protocols the probe recognises on an open port. */
public enum ServiceKind {
    SSH, TELNET, FTP, HTTP, MQTT, RTSP, UNKNOWN;

    /** Service name as used in findings, taking TLS into account: http over TLS is https. */
    public String serviceName(boolean tls) {
        return switch (this) {
            case HTTP -> tls ? "https" : "http";
            case MQTT -> tls ? "mqtts" : "mqtt";
            case FTP -> tls ? "ftps" : "ftp";
            case RTSP -> tls ? "rtsps" : "rtsp";
            case UNKNOWN -> tls ? "tls" : "unknown";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
