package io.iotseal.server.browser;

import io.iotseal.server.TestClock;
import io.iotseal.server.TestDatabase;
import io.iotseal.server.World;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.AccountService;
import io.iotseal.server.account.UserInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of the browser tests (ADR 0074): the whole server on a random loopback port, on the database
 * {@link TestDatabase} picks (H2, then PostgreSQL: surefire runs every test on both), with the shared
 * {@link World}; and real Chromium sessions via {@link #browser(String)}, closed after each test.
 *
 * <pre>{@code
 * class MyPageBrowserTest extends BrowserTestSupport {
 *     @Test
 *     void vendorSeesProducts() {
 *         String user = userWithRole(Role.VENDOR_ADMIN, world.vendorA);
 *         BrowserSession b = browser("ja").signIn(user, PASSWORD).go("/vendor/products");
 *         assertThat(b.mainText()).contains("World Router A");
 *         b.checkAccessibility();
 *         b.screenshot("vendor-products");
 *     }
 * }
 * }</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
public abstract class BrowserTestSupport {

    /** The password of every user {@link #userWithRole} makes (long enough for the password policy). */
    protected static final String PASSWORD = "browser test passphrase 7";
    private static final AtomicInteger USERS = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApplicationContext context;

    /** The organizations, users and products every server test shares (operator, vendors A and B, lab). */
    protected World world;
    private final List<BrowserSession> sessions = new ArrayList<>();

    @BeforeEach
    void buildWorld() {
        world = World.of(context);
    }

    @AfterEach
    void closeBrowsers() {
        sessions.forEach(BrowserSession::close);
        sessions.clear();
    }

    /** http://127.0.0.1:port, the server under test. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A fresh browser (own profile, no cookies) whose Accept-Language is {@code acceptLanguage}; closed after the test. */
    protected BrowserSession browser(String acceptLanguage) {
        BrowserSession session = BrowserSession.open(baseUrl(), acceptLanguage);
        sessions.add(session);
        return session;
    }

    /** The operator's "admin" user as an actor, for records a test makes through the services. */
    protected Actor operatorAdmin() {
        UUID id = context.getBean(AccountRepository.class).findByUsername("admin").orElseThrow().id();
        return new Actor(id, "admin", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
    }

    /**
     * A new user with a password ({@link #PASSWORD}) and one role in {@code organization} (e.g.
     * {@code world.vendorA}, {@code world.operator}, {@code world.lab}); answers the user name to sign in with.
     */
    protected String userWithRole(Role role, UUID organization) {
        AccountService accounts = context.getBean(AccountService.class);
        AccountRepository repository = context.getBean(AccountRepository.class);
        UUID adminId = repository.findByUsername("admin").orElseThrow().id();
        Actor admin = new Actor(adminId, "admin", repository.memberships(adminId));
        String name = "browser-" + role.name().toLowerCase().replace('_', '-') + "-" + USERS.incrementAndGet()
                + "-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(admin, new UserInput(name, "Browser " + role, null, PASSWORD,
                List.of(new Membership(organization, role))));
        return name;
    }
}
