package io.iotseal.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.server.IotSealProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Caps request bodies (413). A declared Content-Length over the cap is refused before anything reads
 * it; a chunked body is counted while it is read and fails once it passes the cap. Runs first, before
 * authentication, so a large body costs the server nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ObjectMapper mapper;
    private final List<OwnSizeLimit> ownLimits;

    public RequestSizeLimitFilter(IotSealProperties properties, ObjectMapper mapper, List<OwnSizeLimit> ownLimits) {
        this.limit = properties.maxRequestBytes();
        this.mapper = mapper;
        this.ownLimits = List.copyOf(ownLimits);
    }

    /**
     * A route that takes larger bodies (evidence uploads) and enforces its own, documented cap; the
     * general cap would otherwise refuse a 5 MiB PDF report.
     */
    public interface OwnSizeLimit {
        boolean appliesTo(HttpServletRequest request);

        /** POSTs to a path (within the context) that one of {@code paths} matches entirely. */
        static OwnSizeLimit posts(java.util.regex.Pattern... paths) {
            return request -> "POST".equals(request.getMethod()) && java.util.Arrays.stream(paths).anyMatch(p ->
                    p.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ownLimits.stream().anyMatch(l -> l.appliesTo(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            Problems.write(request, response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large",
                    "request body is " + request.getContentLengthLong() + " bytes; the limit is " + limit);
            return;
        }
        chain.doFilter(new CappedRequest(request, limit), response);
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
