package io.iotseal.server.browser;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No server-side session for anonymous visitors (ADR 0064, 0075), seen on the wire as a browser sees it:
 * neither public pages nor protected routes (which send the visitor to the sign-in page) nor forms with
 * a CSRF token set a session cookie; the CSRF token travels in the XSRF-TOKEN cookie instead.
 */
class AnonymousSessionsTest extends BrowserTestSupport {

    private static final List<String> PATHS = List.of("/", "/login", "/login?error", "/login?logout", "/?lang=ja",
            "/l/NO-SUCH-LABEL", "/dashboard", "/vendor", "/lab", "/operator", "/registry?q=router", "/no/such/page",
            "/assets/site.css", "/webjars/htmx.org/dist/htmx.min.js", "/api/v1/users/me", "/api/v1/products");

    @Test
    void anonymousGetsSetNoSessionCookie() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> sessions = new ArrayList<>();
        for (String path : PATHS) {
            for (String accept : List.of("text/html,application/xhtml+xml,*/*;q=0.8", "*/*")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                        .forEach(c -> sessions.add(path + " (" + accept + "): " + c));
            }
        }
        assertThat(sessions).as("session cookies set for anonymous requests").isEmpty();
    }

    @Test
    void theSignInFormCarriesACsrfTokenFromACookieNotASession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
        assertThat(login.body()).contains("name=\"_csrf\" value=\"" + token + "\"");
        // A protected page answers an anonymous browser with the sign-in page's address, and nothing kept.
        HttpResponse<String> wall = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(wall.statusCode()).isEqualTo(302);
        assertThat(wall.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
