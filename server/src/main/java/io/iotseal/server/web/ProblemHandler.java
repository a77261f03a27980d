package io.iotseal.server.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error from a controller as an RFC 9457 problem detail. Spring's base class covers the
 * framework's own errors (404, 405, 406, 415, missing parameters); this adds the field names to
 * validation and JSON errors, and maps our {@link ApiException}s.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, WebRequest request) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage(), request);
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validation(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String unstorable = e.getValue() instanceof String text ? StrictJson.unstorable(text) : null;
        return validation(List.of(new FieldError(e.getName(), unstorable != null ? unstorable
                : "not a valid value: " + e.getValue())), request);
    }

    /** Unreadable JSON: say which field, and whether it was unknown, of the wrong type, or too large. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(
                        problem(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", tooLarge.getMessage(), request));
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return validation(List.of(new FieldError(path(u), "unknown field")), request);
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            return validation(List.of(new FieldError(path(f), f.getOriginalMessage())), request); // no echo: a password?
        }
        if (cause instanceof InvalidFormatException f) {
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; one of " + List.of(f.getTargetType().getEnumConstants()) : "";
            return validation(List.of(new FieldError(path(f), "not a valid value: " + f.getValue() + allowed)),
                    request);
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return validation(List.of(new FieldError(path(m), "wrong type of value")), request);
        }
        if (cause instanceof JsonParseException dup && dup.getOriginalMessage().startsWith("Duplicate field")) {
            // STRICT_DUPLICATE_DETECTION (StrictJson): the parser knows the key, not yet the path to it.
            return validation(List.of(new FieldError(duplicateKey(dup), "given twice in one object")), request);
        }
        String detail = cause instanceof JsonProcessingException json
                ? "the body is not valid JSON: " + json.getOriginalMessage()
                : "the body is missing or cannot be read as JSON";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Bad Request", detail, request));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, WebRequest request) {
        log.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict",
                "the change conflicts with existing data (a duplicate or a reference to a missing record)", request));
    }

    /** Anything unexpected: a 500 problem that says nothing about the inside; the log has the rest. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security chain answers these (401/403 problems)
        }
        if (DatabaseOutage.is(e)) {
            log.warn("database unreachable: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body(DatabaseOutage.problem(instance(request)));
        }
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal Server Error", "an unexpected error occurred; it has been logged", request));
    }

    private ResponseEntity<Object> validation(List<FieldError> errors, WebRequest request) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad Request", detail, request);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, WebRequest request) {
        return Problems.of(status, title, detail, instance(request));
    }

    private static String instance(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The key of "Duplicate field 'nameEn'" (Jackson's wording, checked in BadInputTest). */
    private static String duplicateKey(JsonParseException e) {
        String m = e.getOriginalMessage();
        int open = m.indexOf('\'');
        int close = m.lastIndexOf('\'');
        return open >= 0 && close > open ? m.substring(open + 1, close) : "body";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
