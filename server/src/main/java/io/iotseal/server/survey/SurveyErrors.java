package io.iotseal.server.survey;

import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;

import java.util.List;

/** The problems this package answers with, each naming its field (RFC 9457, as everywhere in the API). */
final class SurveyErrors {

    private SurveyErrors() {
    }

    static ApiException unprocessable(String field, String message) {
        return ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                List.of(new FieldError(field, message)));
    }

    static ApiException unprocessable(List<FieldError> errors) {
        return ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", errors);
    }

    static ApiException conflict(String field, String message) {
        return ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError(field, message)));
    }

    static ApiException tooLarge(String field, String message) {
        return ApiException.withErrors(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large",
                List.of(new FieldError(field, message)));
    }

    static void requireOperator(io.iotseal.server.access.Actor actor, String what) {
        if (!actor.authenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "sign in or send an API token");
        }
        if (!actor.isOperator()) {
            throw ApiException.forbidden(what + " are for the scheme operator's people");
        }
    }

    static void requireOperatorAdmin(io.iotseal.server.access.Actor actor, String what) {
        requireOperator(actor, what);
        if (!actor.hasRole(io.iotseal.server.access.Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden(what + ": the operator's admins only");
        }
    }
}
