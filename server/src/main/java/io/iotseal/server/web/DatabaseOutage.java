package io.iotseal.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database outage from other errors, so that it is answered 503 with {@code Retry-After} (ADR 0068)
 * instead of a 500: the request was fine and will succeed once the database is back, which the
 * connection pool notices by itself. The pool gives up on a connection after
 * {@code IOTSEAL_DB_CONNECT_TIMEOUT} (2 s by default), so a request fails fast rather than hanging.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String TITLE = "Service Unavailable";
    public static final String DETAIL = "the registry's database cannot be reached; try again shortly";

    private DatabaseOutage() {
    }

    /** Whether the error, or one of its causes, says the database could not be reached or the connection broke. */
    public static boolean is(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            // A rollback that failed because the connection broke hides the error that made it roll back.
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && is(tx.getApplicationException())) {
                return true;
            }
            // SQLSTATE class 08: connection exception (PostgreSQL's driver reports a broken connection so).
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem(String instance) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL, instance);
    }

    /** Answers the outage from outside Spring MVC (the status-list filter). */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper mapper)
            throws IOException {
        if (!response.isCommitted()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        Problems.write(request, response, mapper, HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL);
    }
}
