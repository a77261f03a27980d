package io.iotseal.probe.survey;

import io.iotseal.probe.check.SsdpExposureCheck;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.http.HttpResponse;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.tls.TlsSockets;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fingerprints of a probed device: from what the probe already saw (banners, the Server header, the UPnP
 * model its SSDP check read) and from two cheap extra looks, the {@code <title>} of {@code GET /} on HTTP
 * ports and the SHA-256 of the TLS leaf certificate, each one connection through the device's Dialer so
 * they count against the survey's rate. All of it is what the device shows anyone before a login: no secrets.
 */
public final class Fingerprints {
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title");
    private static final Pattern SERVER = Pattern.compile("^Server: (.*?)(?: X-Powered-By: .*)?$");
    /** The ssdp-exposure summary lists "field=value" pairs separated by ", " (SsdpExposureCheck.describe). */
    private static final Pattern MODEL = Pattern.compile("modelName=(.*?)(?:, (?:manufacturer|modelNumber|serialNumber"
            + "|firmwareVersion|friendlyName|UDN)=|$)");
    private static final Set<String> HTTP = Set.of("http", "https");
    private static final Set<String> TLS = Set.of("https", "mqtts", "rtsps", "tls");

    private Fingerprints() {
    }

    /**
     * @param dialer a dialer to the report's device, sharing the survey's rate limiter
     */
    public static List<Fingerprint> of(DeviceReport report, Dialer dialer) {
        List<Fingerprint> out = new ArrayList<>();
        if (!report.reached()) {
            return out;
        }
        for (DeviceReport.OpenService s : report.services()) {
            if (HTTP.contains(s.service())) {
                Matcher m = SERVER.matcher(s.banner());
                add(out, Fingerprint.Kind.HTTP_SERVER, s.port(), m.matches() ? m.group(1) : "");
                add(out, Fingerprint.Kind.HTTP_TITLE, s.port(), title(dialer, s.port(), s.service().equals("https")));
            } else {
                // SSH software version, FTP greeting, Telnet login banner, RTSP Server header.
                add(out, Fingerprint.Kind.BANNER, s.port(), s.banner());
            }
            if (TLS.contains(s.service())) {
                add(out, Fingerprint.Kind.TLS_CERT_SHA256, s.port(), certificateSha256(dialer, s.port()));
            }
        }
        // UPnP: the model name only when the ssdp-exposure check ran and fetched the description (it names
        // the fields it read in its summary); a survey without that check gets no UPNP_MODEL, and no extra
        // UDP packet is sent for it here.
        for (Finding f : report.findings()) {
            if (f.checkId().equals(SsdpExposureCheck.ID) && f.port() > 0) {
                Matcher m = MODEL.matcher(f.summary());
                if (m.find()) {
                    add(out, Fingerprint.Kind.UPNP_MODEL, f.port(), m.group(1));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void add(List<Fingerprint> out, Fingerprint.Kind kind, int port, String value) {
        Fingerprint f = Fingerprint.ofNullable(kind, port, value);
        if (f != null && !out.contains(f)) {
            out.add(f);
        }
    }

    /** The page title of {@code GET /} (a 401 page too: a login page's title names the product), or "". */
    static String title(Dialer dialer, int port, boolean tls) {
        try {
            HttpResponse r = RawHttp.get(dialer, port, tls, "/", Map.of());
            return title(r.body());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String title(String html) {
        Matcher m = TITLE.matcher(Objects.requireNonNullElse(html, ""));
        return m.find() ? entities(m.group(1)) : "";
    }

    /** The five entities titles use in practice; anything rarer stays as written (still matchable). */
    private static String entities(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Lower-case hex SHA-256 of the DER leaf certificate, or "" when no handshake completes. */
    static String certificateSha256(Dialer dialer, int port) {
        try (Connection c = dialer.connect(port)) {
            var tls = TlsSockets.handshake(c, dialer.target().host(), port, TlsSockets.ALL_PROTOCOLS);
            Certificate[] chain = tls.getSession().getPeerCertificates();
            return chain.length == 0 ? "" : HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
        } catch (IOException | CertificateEncodingException | RuntimeException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
