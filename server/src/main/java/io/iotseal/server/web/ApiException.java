package io.iotseal.server.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * An error the API answers with a problem detail (RFC 9457): its status, a short title and a detail
 * that tells the client what to change. Services throw the factory methods' results.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    private ApiException(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A 400 naming the field that is wrong, like the bean-validation errors. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Not found, and also what a caller gets for a record it may not see, so the two look the same. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not Found", what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", detail);
    }
}
