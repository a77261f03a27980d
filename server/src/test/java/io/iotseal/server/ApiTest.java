package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.mock.web.MockHttpSession;
import jakarta.servlet.http.Cookie;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of the API tests: one Spring context for all of them (same configuration, so Spring's test
 * context cache shares it), on the database {@link TestDatabase} picks, with the {@link World} built and
 * the server's clock a {@link TestClock}.
 */
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
public abstract class ApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private ApplicationContext context;

    protected World world;

    @BeforeEach
    void world() {
        world = World.of(context);
    }

    /** The request, sent as the given caller (a bearer token, or nothing for anonymous). */
    protected MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        String token = world.token(who);
        return token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    protected MockHttpServletRequestBuilder withJson(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return request.contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body));
    }

    protected JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    /**
     * The CSRF cookie the login page sets, as a browser or script gets it, echoed in X-XSRF-TOKEN.
     * (Spring's csrf() test helper is not used: it swaps the token repository of the shared context.)
     */
    protected RequestPostProcessor withXsrf() throws Exception {
        MvcResult page = mvc.perform(get("/login")).andReturn();
        String setCookie = page.getResponse().getHeaders("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        Cookie cookie = new Cookie("XSRF-TOKEN", setCookie.substring("XSRF-TOKEN=".length(), setCookie.indexOf(';')));
        return request -> {
            request.setCookies(cookie);
            request.addHeader("X-XSRF-TOKEN", cookie.getValue());
            return request;
        };
    }

    /** A form login from the given source address; the answer is a redirect either way. */
    protected MvcResult tryLogin(String username, String password, String source) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(withXsrf())
                .with(request -> {
                    request.setRemoteAddr(source);
                    return request;
                })).andReturn();
    }

    /** Whether a form login succeeded (it redirects to the user's own record; a failure to /login?error). */
    protected static boolean signedIn(MvcResult login) {
        String to = login.getResponse().getRedirectedUrl();
        return to != null && to.endsWith("/api/v1/users/me");
    }

    /** Signs in from 127.0.0.1 and answers the session; fails the test if the login fails. */
    protected MockHttpSession login(String username, String password) throws Exception {
        MvcResult login = tryLogin(username, password, "127.0.0.1");
        if (!signedIn(login)) {
            throw new AssertionError("login as " + username + " failed: " + login.getResponse().getRedirectedUrl());
        }
        return (MockHttpSession) login.getRequest().getSession(false);
    }
}
