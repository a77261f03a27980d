package io.iotseal.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A body's Content-Type says what the body is, so {@code *}{@code /*} or {@code application/*} (or a type that does
 * not parse) says nothing: 415, naming the header. Spring refuses such a type with an IllegalArgumentException
 * when it first reads the request's headers, which was answered 500 (ADR 0068).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    public WildcardContentTypeFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && !type.isBlank() && !concrete(type)) {
            String message = "name the body's type, such as application/json; not a wildcard or a malformed type";
            ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Content-Type: " + message, request.getRequestURI());
            problem.setProperty("errors", List.of(new FieldError("Content-Type", message)));
            Problems.write(response, mapper, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String type) {
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !media.isWildcardType() && !media.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
