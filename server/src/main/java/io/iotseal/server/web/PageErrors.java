package io.iotseal.server.web;

import io.iotseal.server.page.PageRequests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A browser asking for a page (not /api/**, Accept text/html) that meets an error gets the error page in
 * its language, not problem+json (ADR 0074): the problem {@link ProblemHandler} made becomes a container
 * error of the same status, which {@link ProblemErrorController} renders as HTML. The API keeps its
 * problems untouched.
 */
@ControllerAdvice
class PageErrors implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem) || !(request instanceof ServletServerHttpRequest servlet)
                || !(response instanceof ServletServerHttpResponse out)) {
            return body;
        }
        HttpServletRequest in = servlet.getServletRequest();
        if (in.getDispatcherType() == DispatcherType.ERROR || !PageRequests.wantsPage(in, PageRequests.path(in))) {
            return body;
        }
        try {
            HttpServletResponse raw = out.getServletResponse();
            raw.sendError(problem.getStatus());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
