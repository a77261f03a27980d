package io.iotseal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.assessment.AssessmentService;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Listing assessments costs a fixed number of SQL statements per page, not some per row (issue 11: it
 * was about 10 per row). The data source counts the statements this test's thread prepares; the same
 * listing with 1 and with 5 rows per page must cost the same.
 */
class AssessmentListQueriesTest extends ApiTest {

    /** The page's rows, its total, product names, answers, evidence, test cases, transitions and their per-requirement comments (ADR 0086). */
    private static final int STATEMENTS_PER_PAGE = 8;

    private static final AtomicInteger STATEMENTS = new AtomicInteger();
    private static volatile Thread counted;

    @TestConfiguration
    static class CountingDataSource {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? counting(ds) : bean;
                }
            };
        }
    }

    private static DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return counting(super.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws java.sql.SQLException {
                return counting(super.getConnection(user, password));
            }
        };
    }

    private static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String m = method.getName();
            if (Thread.currentThread() == counted
                    && (m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall"))) {
                STATEMENTS.incrementAndGet();
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Autowired
    private ApplicationContext context;
    @Autowired
    private AssessmentService assessments;

    @Test
    void aListingPageCostsTheSameStatementsHoweverManyRowsItHas() {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        fixtures.completeStarOne();
        fixtures.withLab(true);
        fixtures.acceptedStarOne();
        fixtures.draft("jc-star:star-1");
        fixtures.draft("jc-star:star-1");
        Actor operator = new Actor(UUID.randomUUID(), "list-queries",
                List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));

        int oneRow = statements(() -> assessments.list(operator, null, new PageRequest(0, 1)), 1);
        int fiveRows = statements(() -> assessments.list(operator, null, new PageRequest(0, 5)), 5);

        assertThat(fiveRows).as("statements for a page of 5 rows (1 row: %d)", oneRow).isEqualTo(oneRow);
        assertThat(fiveRows).isEqualTo(STATEMENTS_PER_PAGE);
    }

    private static int statements(java.util.function.Supplier<PageResult<AssessmentView>> listing, int rows) {
        STATEMENTS.set(0);
        counted = Thread.currentThread();
        try {
            assertThat(listing.get().items()).hasSize(rows);
        } finally {
            counted = null;
        }
        return STATEMENTS.get();
    }
}
