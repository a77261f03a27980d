package io.iotseal.cli.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The lab: real Debian daemons, each in its own network namespace, configured here by the test. Each
 * device's name is also the name of its ground truth, {@code devices/NAME.yaml}. Passwords are the public
 * defaults the probe must find (admin:admin) or generated per run; users exist only inside a device's
 * namespace (its /etc/passwd and /etc/shadow are bind-mounted there by {@code ip netns exec}).
 */
public final class LabDevices {
    /** Device name to the code that configures and starts its daemons inside its namespace. */
    public static final Map<String, Consumer<Netns>> DEVICES = new LinkedHashMap<>();

    static {
        DEVICES.put("well-configured", ns -> openSsh(ns, false));
        DEVICES.put("unreachable", LabDevices::unreachable);
        DEVICES.put("openssh-key-only", ns -> openSsh(ns, true));
        DEVICES.put("dropbear-ed25519", LabDevices::dropbearEd25519);
        DEVICES.put("vsftpd-anonymous", LabDevices::vsftpdAnonymous);
        DEVICES.put("vsftpd-ftps", LabDevices::vsftpdFtps);
        DEVICES.put("telnet-login-delay", ns -> telnetLogin(ns, "admin"));
        DEVICES.put("telnet-strong-password", ns -> telnetLogin(ns, randomPassword()));
        DEVICES.put("lighttpd-basic-digest", LabDevices::lighttpd);
        DEVICES.put("snmpd-communities", LabDevices::snmpd);
        DEVICES.put("root-shell-9527", LabDevices::rootShell);
        udpDevices();
        rtspAndFormDevices();
    }

    /** The RTSP camera and the HTML form login of ADR 0089, kept apart like the UDP devices. */
    private static void rtspAndFormDevices() {
        DEVICES.put("rtsp-camera", LabDevices::rtspCamera);
        DEVICES.put("lighttpd-php-form", LabDevices::formLogin);
    }

    /** The UDP devices of ADR 0088 (SNMPv3, CoAP, mDNS), kept apart so other device lists merge cleanly. */
    private static void udpDevices() {
        DEVICES.put("snmpd-v3-weak", LabDevices::snmpdV3Weak);
        DEVICES.put("snmpd-v3-strong", LabDevices::snmpdV3Strong);
        DEVICES.put("coap-libcoap", LabDevices::coapServer);
        DEVICES.put("avahi-mdns", ns -> avahi(ns, false));
        DEVICES.put("avahi-mdns-routed", ns -> avahi(ns, true));
    }

    private LabDevices() {
    }

    /**
     * OpenSSH that offers public-key authentication only, with a host key made for this run. The
     * well-configured device also hides the distribution suffix of the version string.
     */
    private static void openSsh(Netns ns, boolean debianBanner) {
        users(ns, Map.of());
        Path key = hostKey(ns, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f");
        Path config = ns.file("sshd_config", """
                ListenAddress %s:22
                HostKey %s
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                UsePAM no
                PidFile none
                DebianBanner %s
                """.formatted(ns.deviceAddress().getHostAddress(), key, debianBanner ? "yes" : "no"));
        mkdirs(Path.of("/run/sshd"));
        ns.startDaemon("sshd.log", 22, false, "/usr/sbin/sshd", "-D", "-e", "-f", config.toString());
    }

    /** OpenSSH behind a firewall that drops every packet: the probe cannot reach the device at all. */
    private static void unreachable(Netns ns) {
        openSsh(ns, false);
        Netns.requireExecutable("/usr/sbin/nft");
        ns.execWithInput("""
                table inet lab {
                  chain input {
                    type filter hook input priority 0; policy drop;
                  }
                }
                """, "nft", "-f", "-");
    }

    /**
     * Dropbear with only an Ed25519 host key (it still lists RSA algorithms in its KEXINIT), password
     * logins, user admin with password admin.
     */
    private static void dropbearEd25519(Netns ns) {
        users(ns, Map.of("admin", "admin"));
        Path key = hostKey(ns, "dropbearkey", "-t", "ed25519", "-f");
        ns.startDaemon("dropbear.log", 22, false, "/usr/sbin/dropbear", "-F", "-E", "-r", key.toString(), "-p",
                ns.deviceAddress().getHostAddress() + ":22");
    }

    /** vsftpd that serves anonymous downloads only: it refuses every other user name. */
    private static void vsftpdAnonymous(Netns ns) {
        users(ns, Map.of());
        ns.file("ftp/readme.txt", "firmware notes\n");
        mkdirs(ns.workDir().resolve("empty"));
        Path config = ns.file("vsftpd.conf", """
                listen=YES
                listen_address=%s
                listen_port=21
                background=NO
                anonymous_enable=YES
                local_enable=NO
                write_enable=NO
                anon_root=%s
                secure_chroot_dir=%s
                ftp_username=ftp
                seccomp_sandbox=NO
                """.formatted(ns.deviceAddress().getHostAddress(), ns.workDir().resolve("ftp"), ns.workDir().resolve("empty")));
        ns.startDaemon("vsftpd.log", 21, false, "/usr/sbin/vsftpd", config.toString());
    }

    /**
     * vsftpd requiring FTP over TLS (RFC 4217 AUTH TLS) for local users, with a self-signed certificate
     * made for this run; user admin with password admin.
     */
    private static void vsftpdFtps(Netns ns) {
        users(ns, Map.of("admin", "admin"));
        mkdirs(ns.workDir().resolve("empty"));
        Path key = ns.workDir().resolve("key.pem");
        Path cert = ns.workDir().resolve("cert.pem");
        Netns.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=lab-ftps", "-days", "30",
                "-keyout", key.toString(), "-out", cert.toString());
        Path config = ns.file("vsftpd.conf", """
                listen=YES
                listen_address=%s
                listen_port=21
                background=NO
                anonymous_enable=NO
                local_enable=YES
                write_enable=NO
                ssl_enable=YES
                force_local_logins_ssl=YES
                force_local_data_ssl=YES
                allow_anon_ssl=NO
                require_ssl_reuse=NO
                rsa_cert_file=%s
                rsa_private_key_file=%s
                secure_chroot_dir=%s
                seccomp_sandbox=NO
                pam_service_name=vsftpd
                """.formatted(ns.deviceAddress().getHostAddress(), cert, key, ns.workDir().resolve("empty")));
        ns.startDaemon("vsftpd.log", 21, false, "/usr/sbin/vsftpd", config.toString());
    }

    /**
     * BusyBox telnetd running Debian's /bin/login, whose PAM stack delays every failure by 3 s
     * (pam_faildelay delay=3000000 in /etc/pam.d/login); user admin with the given password.
     */
    private static void telnetLogin(Netns ns, String password) {
        requireLine(Path.of("/etc/pam.d/login"), "pam_faildelay.so  delay=3000000");
        users(ns, Map.of("admin", password));
        ns.startDaemon("telnetd.log", 23, false, "/bin/busybox", "telnetd", "-F", "-p", "23", "-l", "/bin/login");
    }

    /**
     * lighttpd asking for a password on every page, Basic on port 80 and Digest (MD5) on 8080, user admin
     * with password admin. The document root is empty and directory listings are off, so the right password
     * gets 403 Forbidden, not 200.
     */
    private static void lighttpd(Netns ns) {
        users(ns, Map.of());
        mkdirs(ns.workDir().resolve("www"));
        Path userFile = ns.file("users.plain", "admin:admin\n");
        String address = ns.deviceAddress().getHostAddress();
        Path config = ns.file("lighttpd.conf", """
                server.document-root = "%s"
                server.bind = "%s"
                server.port = 80
                server.modules = ( "mod_auth", "mod_authn_file" )
                auth.backend = "plain"
                auth.backend.plain.userfile = "%s"
                auth.require = ( "/" => ( "method" => "basic", "realm" => "device", "require" => "valid-user" ) )
                $SERVER["socket"] == "%s:8080" {
                  auth.require = ( "/" => ( "method" => "digest", "realm" => "device", "require" => "valid-user" ) )
                }
                """.formatted(ns.workDir().resolve("www"), address, userFile, address));
        ns.startDaemon("lighttpd.log", 8080, false, "/usr/sbin/lighttpd", "-D", "-f", config.toString());
    }

    /** net-snmp's agent with the factory communities: public read-only, private read-write. */
    private static void snmpd(Netns ns) {
        users(ns, Map.of());
        Path config = ns.file("snmpd.conf", """
                agentAddress udp:%s:161
                rocommunity public
                rwcommunity private
                sysDescr IoTSeal lab camera firmware 1.0
                """.formatted(ns.deviceAddress().getHostAddress()));
        ns.startDaemon("snmpd.log", 161, true, "/usr/sbin/snmpd", "-f", "-Lo", "-C", "-c", config.toString(),
                "-M", "/nonexistent", "-I", "-smux");
    }

    /**
     * net-snmp with SNMPv3 users only (no community): 'initial' without authentication (rouser noauth),
     * 'legacy' with MD5 and DES that may read without privacy (rouser auth), 'strong' with SHA-256 and AES that
     * must use privacy (rouser priv). The passwords are the ones in devices/snmpd-v3-weak.yaml (lab only).
     */
    private static void snmpdV3Weak(Netns ns) {
        snmpdV3(ns, """
                createUser initial
                createUser legacy MD5 "legacy-auth-1" DES "legacy-priv-1"
                createUser strong SHA-256 "strong-auth-1" AES "strong-priv-1"
                rouser initial noauth
                rouser legacy auth
                rouser strong priv
                """);
    }

    /** net-snmp with one SNMPv3 user, SHA-256 and AES, that must use privacy (rouser priv); no community. */
    private static void snmpdV3Strong(Netns ns) {
        snmpdV3(ns, """
                createUser strong SHA-256 "strong-auth-1" AES "strong-priv-1"
                rouser strong priv
                """);
    }

    /** snmpd with the given USM users; its persistent state (engine boots, localized keys) stays in the device. */
    private static void snmpdV3(Netns ns, String usmUsers) {
        users(ns, Map.of());
        Path persistent = ns.workDir().resolve("snmp-persist");
        mkdirs(persistent);
        Path config = ns.file("snmpd.conf", "agentAddress udp:" + ns.deviceAddress().getHostAddress() + ":161\n"
                + usmUsers + "sysDescr IoTSeal lab SNMPv3 agent 1.0\n");
        Netns.requireExecutable("/usr/sbin/snmpd");
        ns.startDaemon("snmpd.log", 161, true, "/usr/bin/env", "SNMP_PERSISTENT_DIR=" + persistent, "/usr/sbin/snmpd",
                "-f", "-Lo", "-C", "-c", config.toString(), "-M", "/nonexistent", "-I", "-smux");
    }

    /**
     * libcoap's example server without DTLS (coap-server-notls, Debian libcoap3-bin) on udp/5683 (it also
     * listens on tcp/5683, CoAP over TCP, RFC 8323): resources /, /time, /async and /example_data, all readable.
     */
    private static void coapServer(Netns ns) {
        users(ns, Map.of());
        ns.startDaemon("coap-server.log", 5683, true, "/usr/bin/coap-server-notls", "-A",
                ns.deviceAddress().getHostAddress(), "-p", "5683");
    }

    /**
     * avahi-daemon without D-Bus publishing an _http._tcp service with model and firmware in its TXT record.
     * It runs with its own /run/avahi-daemon (a tmpfs in the namespace's mount namespace) so it never meets a
     * host avahi's pid file. {@code routed}: the probe reaches the device from an address outside the device's
     * /30 (a second host address and a /32 route with that source; the device routes back by default), so the
     * query comes from off the link, which avahi ignores (RFC 6762 section 5.5).
     */
    private static void avahi(Netns ns, boolean routed) {
        users(ns, Map.of());
        // avahi-daemon looks its user up even with --no-drop-root.
        appendEtc(ns, "passwd", "avahi:x:102:102::/run/avahi-daemon:/usr/sbin/nologin\n");
        appendEtc(ns, "group", "avahi:x:102:\n");
        Netns.requireExecutable("/usr/sbin/avahi-daemon");
        ns.etcFile("avahi/avahi-daemon.conf", """
                [server]
                host-name=lab-camera
                domain-name=local
                use-ipv4=yes
                use-ipv6=no
                enable-dbus=no
                [publish]
                publish-hinfo=no
                publish-workstation=no
                """);
        ns.etcFile("avahi/services/http.service", """
                <?xml version="1.0" standalone='no'?>
                <!DOCTYPE service-group SYSTEM "avahi-service.dtd">
                <service-group>
                  <name>Lab Camera Web</name>
                  <service>
                    <type>_http._tcp</type>
                    <port>80</port>
                    <txt-record>model=LC-100</txt-record>
                    <txt-record>fw=1.0.3</txt-record>
                  </service>
                </service-group>
                """);
        if (routed) {
            byte[] device = ns.deviceAddress().getAddress();
            String prefix = (device[0] & 0xff) + "." + (device[1] & 0xff) + "." + (device[2] & 0xff) + ".";
            String hostSide = prefix + ((device[3] & 0xff) - 1);
            // .253 is outside every device's /30 while the lab has fewer than 63 devices.
            String offLink = prefix + "253";
            Netns.run("ip", "addr", "add", offLink + "/32", "dev", ns.name() + "h");
            Netns.run("ip", "route", "replace", ns.deviceAddress().getHostAddress() + "/32", "dev", ns.name() + "h",
                    "src", offLink);
            ns.exec("ip", "route", "add", "default", "via", hostSide);
        }
        mkdirs(Path.of("/run/avahi-daemon"));
        ns.startDaemon("avahi.log", 5353, true, "/bin/sh", "-c", "mount -t tmpfs tmpfs /run/avahi-daemon && exec "
                + "/usr/sbin/avahi-daemon --no-drop-root --no-chroot --no-rlimits -f /etc/avahi/avahi-daemon.conf");
    }

    /** Adds lines to one of the device's own /etc files written by {@link #users}. */
    private static void appendEtc(Netns ns, String file, String lines) {
        try {
            ns.etcFile(file, Files.readString(Path.of("/etc/netns", ns.name(), file)) + lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A root shell without any login on an odd port, as left behind by debug builds: busybox telnetd -l /bin/sh. */
    private static void rootShell(Netns ns) {
        users(ns, Map.of());
        ns.startDaemon("telnetd.log", 9527, false, "/bin/busybox", "telnetd", "-F", "-p", "9527", "-l", "/bin/sh");
    }

    /**
     * An RTSP camera: GStreamer's RTSP server library (gir1.2-gst-rtsp-server-1.0, driven by the short
     * lab/rtsp_camera.py) serving /stream with Digest (MD5) admin:admin on tcp/554 and Basic with a random
     * password on tcp/8554 (the script attaches 554 before 8554, so waiting for 8554 waits for both). Nothing is
     * mounted at "/", so the probe needs the stream path (--rtsp-path).
     */
    private static void rtspCamera(Netns ns) {
        users(ns, Map.of());
        Path script = ns.file("rtsp_camera.py", resource("/lab/rtsp_camera.py"));
        ns.startDaemon("rtsp.log", 8554, false, "/usr/bin/python3", script.toString(),
                ns.deviceAddress().getHostAddress(), "554", "digest", "admin", "admin", "8554", "basic", "admin",
                randomPassword());
    }

    /**
     * lighttpd 1.4 running a PHP (php-cgi, FastCGI) form login with a CSRF token and a session cookie
     * (lab/login.php): admin:admin on tcp/80, admin with a random password on tcp/8080. "/" is a status page
     * that redirects to /login.php without a session, as device web interfaces do.
     */
    private static void formLogin(Netns ns) {
        users(ns, Map.of());
        String address = ns.deviceAddress().getHostAddress();
        Path sessions = ns.workDir().resolve("sessions");
        mkdirs(sessions);
        for (var site : Map.of("www80", "admin", "www8080", randomPassword()).entrySet()) {
            String php = resource("/lab/login.php").replace("@SESSIONS@", sessions.toString())
                    .replace("@PASSWORD@", site.getValue());
            ns.file(site.getKey() + "/login.php", php);
            ns.file(site.getKey() + "/status.php", resource("/lab/status.php").replace("@SESSIONS@", sessions.toString()));
        }
        Netns.requireExecutable("/usr/bin/php-cgi");
        Path config = ns.file("lighttpd.conf", """
                server.document-root = "%1$s/www80"
                server.bind = "%2$s"
                server.port = 80
                server.modules = ( "mod_fastcgi" )
                index-file.names = ( "status.php" )
                fastcgi.server = ( ".php" => (( "bin-path" => "/usr/bin/php-cgi",
                    "socket" => "%1$s/php.socket", "max-procs" => 1,
                    "bin-environment" => ( "PHP_FCGI_CHILDREN" => "4" ) )) )
                $SERVER["socket"] == "%2$s:8080" {
                  server.document-root = "%1$s/www8080"
                }
                """.formatted(ns.workDir(), address));
        ns.startDaemon("lighttpd.log", 8080, false, "/usr/sbin/lighttpd", "-D", "-f", config.toString());
    }

    private static String resource(String name) {
        try (var in = LabDevices.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The device's own /etc/passwd, /etc/group and /etc/shadow (system users plus {@code logins}, each with
     * its password hashed by openssl), and a neutral /etc/issue.net.
     */
    private static void users(Netns ns, Map<String, String> logins) {
        StringBuilder passwd = new StringBuilder("""
                root:x:0:0:root:/root:/bin/sh
                sshd:x:100:65534::/run/sshd:/usr/sbin/nologin
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                """ + "ftp:x:101:65534::" + ns.workDir().resolve("ftp") + ":/usr/sbin/nologin\n");
        StringBuilder shadow = new StringBuilder("root:*:19000:0:99999:7:::\nsshd:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\nftp:*:19000:0:99999:7:::\n");
        StringBuilder group = new StringBuilder("root:x:0:\nnogroup:x:65534:\n");
        int uid = 1000;
        for (var login : logins.entrySet()) {
            String hash = Netns.run("openssl", "passwd", "-6", login.getValue()).strip();
            passwd.append(login.getKey()).append(":x:").append(uid).append(':').append(uid).append("::")
                    .append(ns.workDir()).append(":/bin/sh\n");
            shadow.append(login.getKey()).append(':').append(hash).append(":19000:0:99999:7:::\n");
            group.append(login.getKey()).append(":x:").append(uid).append(":\n");
            uid++;
        }
        ns.etcFile("passwd", passwd.toString());
        ns.etcFile("shadow", shadow.toString());
        ns.etcFile("group", group.toString());
        ns.etcFile("issue.net", "lab device\n");
    }

    /** A password in no list: 24 random letters and digits, new for every run, never stored. */
    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static Path hostKey(Netns ns, String... command) {
        Path key = ns.workDir().resolve("host_key");
        List<String> full = new java.util.ArrayList<>(List.of(command));
        full.add(key.toString());
        Netns.run(full.toArray(String[]::new));
        return key;
    }

    private static void requireLine(Path file, String text) {
        try {
            if (!Files.readString(file).contains(text)) {
                throw new IllegalStateException(file + " no longer contains '" + text + "': the telnet device's "
                        + "3-second failure delay comes from it");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(file + " is missing (Debian package login)", e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
