package io.iotseal.probe.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the worked examples of RFC 7616 section 3.9.1. */
class DigestAuthorizationTest {
    private static final String CHALLENGE = "realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void md5ExampleOfRfc7616() {
        var challenge = AuthChallenge.parse("Digest " + CHALLENGE + ", algorithm=MD5");
        String header = DigestAuthorization.header(challenge, "GET", "/dir/index.html", "Mufasa", "Circle of Life", CNONCE, 1);
        assertThat(header).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"")
                .contains("qop=auth, nc=00000001").contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
    }

    @Test
    void sha256ExampleOfRfc7616() {
        var challenge = AuthChallenge.parse("Digest " + CHALLENGE + ", algorithm=SHA-256");
        String header = DigestAuthorization.header(challenge, "GET", "/dir/index.html", "Mufasa", "Circle of Life", CNONCE, 1);
        assertThat(header).contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"");
    }

    @Test
    void legacyRfc2069FormWithoutQop() throws Exception {
        var challenge = AuthChallenge.parse("Digest realm=\"cam\", nonce=\"abc\"");
        String header = DigestAuthorization.header(challenge, "GET", "/", "admin", "1234", "ignored", 1);
        String ha1 = md5("admin:cam:1234");
        String ha2 = md5("GET:/");
        assertThat(header).contains("response=\"" + md5(ha1 + ":abc:" + ha2) + "\"").doesNotContain("qop=").doesNotContain("cnonce");
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void prefersSha256DigestOverMd5AndBasic() {
        var best = AuthChallenge.best(List.of("Basic realm=\"x\"", "Digest realm=\"x\", nonce=\"1\", algorithm=MD5",
                "Digest realm=\"x\", nonce=\"2\", algorithm=SHA-256"));
        assertThat(best).get().extracting(c -> c.param("nonce")).isEqualTo("2");
        assertThat(AuthChallenge.best(List.of("Bearer realm=\"x\""))).isEmpty();
    }
}
