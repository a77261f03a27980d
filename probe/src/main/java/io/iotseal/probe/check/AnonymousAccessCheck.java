package io.iotseal.probe.check;

import io.iotseal.probe.credential.FtpLogin;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.MqttLogin;
import io.iotseal.probe.credential.RtspLogin;
import io.iotseal.probe.credential.TelnetLogin;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.http.HttpResponse;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.scan.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Access with no credentials at all: an MQTT CONNECT without user name, anonymous FTP, a Telnet
 * service that shows a shell without asking for a login, an RTSP stream described to anyone, and an
 * ONVIF device service that tells its device information to anyone.
 */
public final class AnonymousAccessCheck extends PerServiceCheck {
    public static final String ID = "anonymous-access";
    private static final Pattern LOGIN_OR_PASSWORD = Pattern.compile("(?i)(login|user(name)?|password)\\s*:");
    private static final Pattern SHELL = Pattern.compile("[#$>%]\\s*$");

    public AnonymousAccessCheck() {
        super(ID, "no MQTT, FTP, Telnet or RTSP service found");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        List<Finding> findings = new ArrayList<>();
        for (Service s : device.services()) {
            switch (s.kind()) {
                // Through the device's PatientLogin, as the credential checks do: waits adapted to the delays
                // seen and retries with longer waits (PAM makes vsftpd take more than 3 s to refuse a user).
                case MQTT -> findings.add(fromAttempt(device, s,
                        device.patient(new MqttLogin(device.dialer(), s.port(), s.tls())).attempt(MqttLogin.ANONYMOUS),
                        "MQTT broker accepts a CONNECT without credentials"));
                // In cleartext, as anonymous clients connect: vsftpd refuses anonymous over TLS by default
                // ("Anonymous sessions may not use encryption") even when it allows it in clear.
                case FTP -> findings.add(fromAttempt(device, s,
                        new PatientLogin(new FtpLogin(device.dialer(), s.port()), device.settings().timeout())
                                .attempt(FtpLogin.ANONYMOUS),
                        "FTP accepts anonymous login"));
                case TELNET -> findings.add(telnet(device, s));
                case RTSP -> findings.add(rtsp(device, s));
                // Only an answer in ONVIF's SOAP makes a finding: other web servers are not judged here.
                case HTTP -> onvif(device, s).ifPresent(findings::add);
                default -> {
                    // SSH and HTTP logins without credentials are covered by the canary of the credential check.
                }
            }
        }
        return findings;
    }

    private Finding fromAttempt(DeviceContext device, Service s, LoginAttempt attempt, String failText) {
        Verdict verdict = switch (attempt.outcome()) {
            case ACCEPTED -> Verdict.FAIL;
            case REJECTED, NOT_OFFERED -> Verdict.PASS;
            default -> Verdict.INCONCLUSIVE;
        };
        String summary = switch (verdict) {
            case FAIL -> failText;
            case PASS -> s.name() + " refuses access without credentials (" + attempt.detail() + ")";
            default -> s.name() + ": could not tell (" + attempt.detail() + ")";
        };
        return device.finding(ID, s, verdict, summary, DefaultCredentialCheck.evidence(attempt));
    }

    /**
     * A camera stream anyone can open: DESCRIBE of each configured stream path without credentials. 2xx
     * (the stream's SDP) fails; 401 passes; a path the server does not have (404) shows nothing, so when
     * no path answered either way the verdict is INCONCLUSIVE, naming the option that gives the path.
     */
    private Finding rtsp(DeviceContext device, Service s) {
        List<Exchange> evidence = new ArrayList<>();
        List<String> others = new ArrayList<>();
        boolean challenged = false;
        for (String path : device.settings().rtspPaths()) {
            try {
                HttpResponse r = new RtspLogin(device.dialer(), s.port(), s.tls(), path).describeUnauthenticated();
                evidence.add(new Exchange(s.name(), r.rawRequest().strip(), r.rawResponse()));
                if (r.status() >= 200 && r.status() < 300) {
                    return device.finding(ID, s, Verdict.FAIL, s.name() + " describes the stream " + path
                            + " without credentials (DESCRIBE answered " + r.status() + ")", evidence);
                }
                if (r.status() == 401) {
                    challenged = true;
                } else {
                    others.add(path + ": " + r.status());
                }
            } catch (IOException e) {
                others.add(path + ": " + e.getMessage());
            }
        }
        if (challenged) {
            return device.finding(ID, s, Verdict.PASS, s.name() + " asks for credentials before describing a stream"
                    + (others.isEmpty() ? "" : " (other paths: " + String.join(", ", others) + ")"), evidence);
        }
        return device.finding(ID, s, Verdict.INCONCLUSIVE, s.name() + ": no stream path answered DESCRIBE with a "
                + "stream or a challenge (" + String.join(", ", others) + "); give the camera's stream path with "
                + "--rtsp-path", evidence);
    }

    /** ONVIF's fixed entry point of the device management service (ONVIF Core Specification, section 5.1). */
    static final String ONVIF_DEVICE_SERVICE = "/onvif/device_service";
    private static final String GET_DEVICE_INFORMATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
            + "<GetDeviceInformation xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/></s:Body></s:Envelope>";
    private static final Pattern ONVIF_FIELD = Pattern.compile(
            "<(?:\\w+:)?(Manufacturer|Model|FirmwareVersion|SerialNumber|HardwareId)>([^<]{0,100})<");

    /**
     * ONVIF GetDeviceInformation without credentials (ADR 0089). The ONVIF Core Specification puts it in
     * access class READ_SYSTEM, which needs authentication; only PRE_AUTH operations (GetSystemDateAndTime,
     * GetServices, ...) may answer anyone. A GetDeviceInformationResponse fails; a SOAP fault passes; any
     * other answer (404, HTTP 401 of a server that may not be ONVIF, not SOAP) makes no finding.
     */
    private java.util.Optional<Finding> onvif(DeviceContext device, Service s) {
        HttpResponse r;
        try {
            r = RawHttp.request(device.dialer(), s.port(), s.tls(), "POST", ONVIF_DEVICE_SERVICE,
                    java.util.Map.of(), GET_DEVICE_INFORMATION,
                    "application/soap+xml; charset=utf-8");
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        List<Exchange> evidence = List.of(new Exchange(s.name(), "POST " + ONVIF_DEVICE_SERVICE + " GetDeviceInformation",
                r.rawResponse()));
        if (r.status() == 200 && r.body().contains("GetDeviceInformationResponse")) {
            List<String> fields = new ArrayList<>();
            var m = ONVIF_FIELD.matcher(r.body());
            while (m.find()) {
                fields.add(m.group(1) + "=" + m.group(2).strip());
            }
            return java.util.Optional.of(device.finding(ID, s, Verdict.FAIL, "ONVIF answers GetDeviceInformation "
                    + "without authentication" + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")"), evidence));
        }
        if (r.body().contains("Envelope") && r.body().contains("Fault")) {
            return java.util.Optional.of(device.finding(ID, s, Verdict.PASS, "ONVIF refuses GetDeviceInformation "
                    + "without authentication (SOAP fault, status " + r.status() + ")", evidence));
        }
        return java.util.Optional.empty();
    }

    private Finding telnet(DeviceContext device, Service s) {
        String greeting;
        try {
            greeting = new TelnetLogin(device.dialer(), s.port()).greeting();
        } catch (IOException e) {
            return device.finding(ID, s, Verdict.INCONCLUSIVE, "telnet: no greeting (" + e.getMessage() + ")", List.of());
        }
        List<Exchange> evidence = List.of(new Exchange(s.name(), "(connect)", greeting));
        if (LOGIN_OR_PASSWORD.matcher(greeting).find()) {
            return device.finding(ID, s, Verdict.PASS, "telnet asks for a login before giving a shell", evidence);
        }
        if (SHELL.matcher(greeting).find()) {
            return device.finding(ID, s, Verdict.FAIL, "telnet gives a shell prompt without any login", evidence);
        }
        return device.finding(ID, s, Verdict.INCONCLUSIVE, "telnet greeting shows neither a login nor a shell prompt", evidence);
    }
}
