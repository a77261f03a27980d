package io.iotseal.server.web;

import io.iotseal.server.page.Page;
import io.iotseal.server.page.PageRequests;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * Errors that happen outside Spring MVC (in the servlet container) end up at /error: answer them as
 * problem details too, instead of Spring Boot's own JSON. A browser asking for a page gets the error page
 * in its language instead (ADR 0074); the API under /api/** always gets problem+json.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public Object error(HttpServletRequest request, Page page) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String s ? s : request.getRequestURI();
        if (PageRequests.wantsPage(request, page.path())) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                    ? HttpStatus.valueOf(i) : HttpStatus.NOT_FOUND;
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error && DatabaseOutage.is(error)) {
                status = HttpStatus.SERVICE_UNAVAILABLE;
            }
            ModelAndView view = new ModelAndView("page/error", Map.of("page", page, "status", status.value()));
            view.setStatus(status);
            return view;
        }
        // A filter that needs the database (the API-token check) fails here when the database is down.
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error && DatabaseOutage.is(error)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body(DatabaseOutage.problem(instance));
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.NOT_FOUND;
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(),
                status.is5xxServerError() ? "an unexpected error occurred" : "the request could not be served",
                instance);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
