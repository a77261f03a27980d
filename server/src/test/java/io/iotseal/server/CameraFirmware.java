package io.iotseal.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SBOM of the surveillance tests' camera firmware 2.0.0 (issue 16's "done when"): a Debian OpenSSL that the
 * OSV fixture DEBIAN-CVE-2023-5678 affects, a BusyBox that only the NVD fixture's CPE statement for
 * CVE-2022-48174 (KEV-listed in the KEV fixture) matches, and a zlib nothing affects. Findings are shared by
 * every SBOM that lists a component (ADR 0095), so each SBOM gets component versions of its own ("build"),
 * all still inside the advisories' ranges: a test's findings are first seen when that test matched them.
 */
public record CameraFirmware(byte[] sbom, String opensslPurl, String busyboxPurl) {

    private static final AtomicInteger BUILDS = new AtomicInteger((int) (System.nanoTime() % 5000));

    public static CameraFirmware next() {
        int build = BUILDS.incrementAndGet() % 100_000;
        try (InputStream in = CameraFirmware.class.getResourceAsStream("/surveillance/camera-fw-2.0.0.cdx.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${build}", String.valueOf(build));
            return new CameraFirmware(text.getBytes(StandardCharsets.UTF_8),
                    "pkg:deb/debian/openssl@3.0.10-1~deb12u" + build + "?arch=armhf&distro=debian-12",
                    "pkg:generic/busybox@1.35." + build);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
